/** A text message to a resident's phone: the number in E.164 (`+358401234567`) and plain text. */
export interface OutgoingSms {
  to: string;
  text: string;
  /** The submission it confirms, for logs and the local outbox; never shown to the recipient twice. */
  reference: string;
}

/** Sends SMS; throws on failure so the caller can retry with backoff. */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
}
