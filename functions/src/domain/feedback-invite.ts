import type { FormDefinition } from '../../../schemas/src/index.js';
import { epochAfterDays } from './epoch.js';
import { InvalidRequest, UnknownInvite } from './errors.js';
import type { Clock, Crypto, FeedbackInvite, FeedbackInviteStore } from './ports.js';

export interface InviteDeps {
  invites: FeedbackInviteStore;
  crypto: Crypto;
  clock: Clock;
}

/** A feedback link works this long: a resident may answer a few weeks after the case closed. */
export const INVITE_DAYS = 30;
const TOKEN_BYTES = 24;
/** `crypto.token(24)`: 32 base64url characters; anything else is refused before the store is asked. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

const hashOf = (crypto: Crypto, token: string) => crypto.sha256(`invite:${token}`);
const notFound = () => new UnknownInvite('This feedback link is not valid: it has been used, it has expired, or it was never sent.');

/** Issues a single-use feedback link's token about `service` in `municipality`; only its hash is stored. */
export async function issueInvite(deps: InviteDeps, municipality: string, service: string): Promise<string> {
  const token = deps.crypto.token(TOKEN_BYTES);
  const now = deps.clock.now();
  await deps.invites.create(hashOf(deps.crypto, token), { municipality, service, expiresAt: epochAfterDays(now, INVITE_DAYS) });
  return token;
}

/** The live invite of a token in a municipality: another town's link is as unknown as a made-up one. */
export async function readInvite(deps: InviteDeps, municipality: string, token: string): Promise<FeedbackInvite> {
  if (!TOKEN.test(token)) throw notFound();
  const invite = await deps.invites.find(hashOf(deps.crypto, token), deps.clock.now());
  if (!invite || invite.municipality !== municipality) throw notFound();
  return invite;
}

/** Checks, without using it up, that a link may carry these answers: the feedback form, its town, its service. */
export async function checkInvite(
  deps: InviteDeps,
  token: string,
  municipality: string,
  form: FormDefinition,
  answers: Record<string, unknown>,
): Promise<void> {
  if (!form.meta.feedback) throw new InvalidRequest('A feedback link (invite) is only for the feedback form.');
  const invite = await readInvite(deps, municipality, token);
  if (answers['service'] !== invite.service) throw new InvalidRequest(`This feedback link is about the service "${invite.service}".`);
}

/** Uses the link up (one conditional delete); a concurrent use that got it first leaves this one "not found". */
export async function useInvite(deps: InviteDeps, token: string): Promise<void> {
  if (!(await deps.invites.consume(hashOf(deps.crypto, token), deps.clock.now()))) throw notFound();
}
