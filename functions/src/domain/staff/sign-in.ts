import type { StaffTexts } from '../../../../schemas/src/staff-texts.js';
import type { Mailer } from '../mailer.js';
import type { AuthStore, Clock, Crypto, StaffDirectory } from '../ports.js';
import { Unauthorized } from '../errors.js';
import { safeNextPath } from '../../../../schemas/src/next-path.js';
import { normaliseEmail, type StaffMember } from './staff-member.js';
import { publicLink } from '../public-link.js';
import { epoch } from '../epoch.js';

export interface AuthDeps {
  staff: StaffDirectory;
  auth: AuthStore;
  mailer: Mailer;
  clock: Clock;
  crypto: Crypto;
  mail: { from: string; publicUrl: string };
  /** The staff's own words: the sign-in mail. */
  staffTexts: StaffTexts;
  /** Structured log line; never given an address or a token. */
  log: (event: Record<string, unknown>) => void;
}

export const LOGIN_TOKEN_MINUTES = 15;
export const SESSION_HOURS = 8;

/**
 * Mails a single-use sign-in link to a known account, leading on to `next` (a staff page) once signed in; for an
 * unknown address it does nothing, visibly the same.
 */
export async function requestSignIn(deps: AuthDeps, email: string, next?: string): Promise<void> {
  const member = await deps.staff.get(normaliseEmail(email));
  if (!member) return;
  const token = deps.crypto.token(32);
  const now = deps.clock.now();
  await deps.auth.saveLoginToken(deps.crypto.sha256(`login:${token}`), member.email, epoch(now) + LOGIN_TOKEN_MINUTES * 60);
  const target = safeNextPath(next);
  const link = `${publicLink(deps.mail.publicUrl, '/auth/verify')}?token=${encodeURIComponent(token)}${target ? `&next=${encodeURIComponent(target)}` : ''}`;
  try {
    await sendLink(deps, member, link);
  } catch (error) {
    // A failure only a known address could meet must not answer differently (account enumeration); the member
    // sees no mail and asks again.
    deps.log({ level: 'error', msg: 'sign-in mail failed', name: (error as Error)?.name });
  }
}

function sendLink(deps: AuthDeps, member: StaffMember, link: string) {
  const { t } = deps.staffTexts;
  return deps.mailer.send({
    from: deps.mail.from,
    to: [member.email],
    subject: t('signIn.mail.subject'),
    text: [
      t('signIn.mail.greeting', { name: member.name }),
      '',
      t('signIn.mail.link', { minutes: LOGIN_TOKEN_MINUTES }),
      link,
      '',
      t('signIn.mail.linkEnglish', { minutes: LOGIN_TOKEN_MINUTES }),
      '',
      t('signIn.mail.notAsked'),
    ].join('\n'),
  });
}

/** Exchanges a sign-in token (once) for a session; the session id is returned to set as a cookie, stored hashed. */
export async function startSession(deps: AuthDeps, token: string): Promise<{ sessionId: string; member: StaffMember; expiresAt: number }> {
  const now = deps.clock.now();
  const email = await deps.auth.consumeLoginToken(deps.crypto.sha256(`login:${token}`), now);
  const member = email ? await deps.staff.get(email) : undefined;
  if (!member) throw new Unauthorized('This sign-in link is not valid any more. Ask for a new one.');
  const sessionId = deps.crypto.token(32);
  const expiresAt = epoch(now) + SESSION_HOURS * 3600;
  await deps.auth.saveSession({
    idHash: deps.crypto.sha256(`session:${sessionId}`),
    email: member.email,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { sessionId, member, expiresAt };
}

/**
 * The member a session id belongs to, if the session is live and the member still in the directory, and was so
 * when the session started: removing a person ends their sessions even if they are added again later.
 */
export async function sessionMember(
  deps: Pick<AuthDeps, 'auth' | 'staff' | 'clock' | 'crypto'>,
  sessionId: string,
): Promise<StaffMember | undefined> {
  const session = await deps.auth.getSession(deps.crypto.sha256(`session:${sessionId}`), deps.clock.now());
  const member = session ? await deps.staff.get(session.email) : undefined;
  if (!session || !member || (member.since !== undefined && session.createdAt < member.since)) return undefined;
  const { email, name, role, municipalities } = member;
  return { email, name, role, municipalities };
}

/** Ends a session (sign-out). */
export async function endSession(deps: Pick<AuthDeps, 'auth' | 'crypto'>, sessionId: string): Promise<void> {
  await deps.auth.deleteSession(deps.crypto.sha256(`session:${sessionId}`));
}
