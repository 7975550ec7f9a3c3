/** A message to send: plain text always, HTML optionally; addresses are bare emails. */
export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `X-Koto-Reference`. */
  headers?: Record<string, string>;
}

/** What a message says, before it is addressed. */
export type MailContent = Omit<OutgoingMail, 'from' | 'to'>;

/** Sends mail; throws on failure so the caller can retry with backoff. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}
