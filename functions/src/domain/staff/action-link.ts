import { fromBase64Url, toBase64Url } from '../base64url.js';
import type { Crypto } from '../ports.js';

export type LinkAction = 'claim' | 'done';
export const LINK_ACTIONS: readonly LinkAction[] = ['claim', 'done'];
export const LINK_DAYS = 7;

/**
 * What an emailed action link allows: one action on one submission in the state it was mailed for, for one
 * mailbox, until `exp`.
 */
export interface ActionGrant {
  reference: string;
  action: LinkAction;
  mailbox: string;
  /** Epoch seconds. */
  exp: number;
  /** The submission's status when the link was mailed. */
  status: string;
  /** How many history entries the submission had then: what came after is what happened since the mail. */
  seen: number;
}

/** A signed, URL-safe token for an action link (payload.signature, HMAC-SHA256). */
export function signActionLink(crypto: Crypto, secret: string, grant: ActionGrant): string {
  const payload = toBase64Url(JSON.stringify([grant.reference, grant.action, grant.mailbox, grant.exp, grant.status, grant.seen]));
  return `${payload}.${crypto.hmac(secret, `action:${payload}`)}`;
}

/** The grant of a token whose signature holds and which has not expired; undefined otherwise. */
export function verifyActionLink(crypto: Crypto, secret: string, token: string, now: Date): ActionGrant | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = crypto.hmac(secret, `action:${payload}`);
  if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) return undefined;
  try {
    // Links mailed before the state was bound (four fields) were all mailed for a new submission.
    const [reference, action, mailbox, exp, status = 'new', seen = 0] = JSON.parse(fromBase64Url(payload)) as [
      string,
      LinkAction,
      string,
      number,
      string?,
      number?,
    ];
    if (!LINK_ACTIONS.includes(action) || typeof exp !== 'number' || exp <= now.getTime() / 1000) return undefined;
    if (typeof status !== 'string' || !Number.isInteger(seen) || seen < 0) return undefined;
    return { reference, action, mailbox, exp, status, seen };
  } catch {
    return undefined;
  }
}

function timingSafeEqual(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
