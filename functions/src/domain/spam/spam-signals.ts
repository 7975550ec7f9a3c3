import type { SpamReason } from '../../../../schemas/src/spam-contract.js';
import type { Crypto } from '../ports.js';

// Suspected spam: a filled honeypot field (`honeypot`), or answers back sooner after the form was first shown than a
// person can fill one (`too_fast`). Never a CAPTCHA: that would shut out the residents this is for. Held, never
// dropped: browser autofill can fill a honeypot too.
export type { SpamReason };

/** The least time between the form first shown and its answers arriving that a person takes (seconds): the default. */
export const MIN_FILL_SECONDS = 3;

/** How long a held submission waits for an admin to release it before it is purged. */
export const SPAM_RETENTION_DAYS = 30;

export interface SpamSignals {
  /** The value of the page's honeypot field; a person never sees it, so anything in it is a bot's (or autofill's). */
  honeypot?: string;
  /** The start token the page fetched when the form was first shown (`GET /api/forms/F/start`), kept with the draft. */
  startToken?: string;
}

type Signer = { crypto: Crypto; actionSecret: string };

const mac = ({ crypto, actionSecret }: Signer, formId: string, issued: string) =>
  crypto.hmac(actionSecret, `start:${formId}:${issued}`).slice(0, 22);

/** An opaque token saying when a form was first shown: the time in base 36 and its signature (`lq2x9k0.<mac>`). */
export function issueStartToken(signer: Signer, formId: string, now: Date): string {
  const issued = now.getTime().toString(36);
  return `${issued}.${mac(signer, formId, issued)}`;
}

/** When a start token says its form was shown, or undefined for a token this server did not sign for this form. */
export function tokenStart(signer: Signer, formId: string, token: string): number | undefined {
  const [issued, signature, ...rest] = token.split('.');
  if (!issued || !signature || rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(issued)) return undefined;
  return signature === mac(signer, formId, issued) ? parseInt(issued, 36) : undefined;
}

/**
 * Whether a submission looks like a bot's. A missing or unverifiable start token is not judged (a page opened
 * before this existed, a token from before a key change, an API client): those are people more often than bots.
 */
export function spamReason(
  signer: Signer,
  formId: string,
  signals: SpamSignals,
  now: Date,
  minFillSeconds = MIN_FILL_SECONDS,
): SpamReason | undefined {
  if (signals.honeypot !== undefined && signals.honeypot.trim() !== '') return 'honeypot';
  const started = signals.startToken === undefined ? undefined : tokenStart(signer, formId, signals.startToken);
  if (started !== undefined && now.getTime() - started < minFillSeconds * 1000) return 'too_fast';
  return undefined;
}
