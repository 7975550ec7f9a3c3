import { createHash, randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import type { Catalog } from '../../../schemas/src/index.js';
import { DynamoFormVersionStore } from '../adapters/dynamo/dynamo-form-version-store.js';
import { DynamoRateLimiter, type RateLimit } from '../adapters/dynamo/dynamo-rate-limiter.js';
import { DynamoSubmissionStore } from '../adapters/dynamo/dynamo-submission-store.js';
import { FormRegistry } from '../domain/form-registry.js';
import type { Mailer } from '../domain/mailer.js';
import type { NotifyDeps } from '../domain/notify-staff.js';
import type { Clock, Crypto } from '../domain/ports.js';
import type { AppDeps } from '../http/deps.js';

export interface CoreConfig {
  db: DynamoDBDocumentClient;
  tableName: string;
  catalog: Catalog;
  mailer: Mailer;
  mailFrom: string;
  publicUrl: string;
  submissionRateLimit?: RateLimit;
  clientIp: (c: Context) => string;
  clock?: Clock;
  log?: (event: Record<string, unknown>) => void;
}

export const systemClock: Clock = { now: () => new Date() };
export const nodeCrypto: Crypto = {
  randomBytes: (n) => randomBytes(n),
  sha256: (text) => createHash('sha256').update(text).digest('hex'),
};
/** One JSON line per event on stdout (CloudWatch reads it as structured). */
export const jsonLog = (event: Record<string, unknown>): void => console.log(JSON.stringify({ time: new Date().toISOString(), ...event }));

/** Default: 30 submissions per 10 minutes per address (a reception centre shares one address). */
export const DEFAULT_SUBMISSION_LIMIT: RateLimit = { limit: 30, windowSeconds: 600 };

/** Builds the app's and the notifier's dependencies from adapters; the one place that picks implementations. */
export function buildDeps(config: CoreConfig): { app: AppDeps; notify: NotifyDeps } {
  const clock = config.clock ?? systemClock;
  const log = config.log ?? jsonLog;
  const store = new DynamoSubmissionStore(config.db, config.tableName);
  const registry = new FormRegistry(config.catalog, new DynamoFormVersionStore(config.db, config.tableName));
  const submissionLimiter = new DynamoRateLimiter(config.db, config.tableName, config.submissionRateLimit ?? DEFAULT_SUBMISSION_LIMIT);
  return {
    app: { registry, store, clock, crypto: nodeCrypto, submissionLimiter, clientIp: config.clientIp, log },
    notify: { registry, store, mailer: config.mailer, clock, mail: { from: config.mailFrom, publicUrl: config.publicUrl } },
  };
}
