import type { Context } from 'hono';
import type { FormRegistry } from '../domain/form-registry.js';
import type { Clock, Crypto, RateLimiter, SubmissionStore } from '../domain/ports.js';

/** Everything the HTTP app needs, built by an entry point from its configuration. */
export interface AppDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  clock: Clock;
  crypto: Crypto;
  /** Limits submissions per client address. */
  submissionLimiter: RateLimiter;
  /** The caller's address as the platform reports it (API Gateway, Node socket). */
  clientIp: (c: Context) => string;
  /** Structured log line (JSON); never receives answers or other personal data. */
  log: (event: Record<string, unknown>) => void;
  /** Called after a submission is stored, e.g. to wake an in-process notifier. */
  onSubmitted?: (reference: string) => void;
}

export type Env = { Variables: { requestId: string } };
