/** An environment as the configuration modules read it: the process's own, or a plain object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when it is unset or empty. */
export function optionalEnv(env: Env, name: string): string | undefined {
  return env[name] || undefined;
}

const missing = (name: string) => new Error(`Missing environment variable ${name}`);

/** A required variable; fails fast at start with a message naming it. */
export function requireEnv(env: Env, name: string): string {
  const value = optionalEnv(env, name);
  if (value === undefined) throw missing(name);
  return value;
}

/** A non-negative integer variable, or its default. */
export function intEnv(env: Env, name: string, fallback: number): number {
  const raw = optionalEnv(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** One of `choices`, or its default; `why` says why a known value is not among them here. */
export function choiceEnv<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T, why = ''): T {
  const value = optionalEnv(env, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new Error(`${name} must be ${choices.join(' or ')}${why ? ` (${why})` : ''}, got "${value}"`);
  return value as T;
}

/** An http(s) URL variable, or undefined when unset. */
export function urlEnv(env: Env, name: string): string | undefined {
  const value = optionalEnv(env, name);
  if (value !== undefined && !/^https?:\/\/[^/\s]+/.test(value)) throw new Error(`${name} must be an http or https URL, got "${value}"`);
  return value;
}

/** A required http(s) URL variable. */
export function requireUrlEnv(env: Env, name: string): string {
  const value = urlEnv(env, name);
  if (value === undefined) throw missing(name);
  return value;
}
