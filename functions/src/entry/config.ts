/** Reads a required variable; fails fast at start with a message naming it. */
export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/** Reads a positive integer variable, or its default. */
export function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export type MailTransport = 'file' | 'smtp' | 'ses';

/** The MAIL_TRANSPORT variable, checked. */
export function mailTransportEnv(env: NodeJS.ProcessEnv, fallback: MailTransport): MailTransport {
  const value = env['MAIL_TRANSPORT'] ?? fallback;
  if (value !== 'file' && value !== 'smtp' && value !== 'ses') throw new Error(`MAIL_TRANSPORT must be file, smtp or ses, got "${value}"`);
  return value;
}
