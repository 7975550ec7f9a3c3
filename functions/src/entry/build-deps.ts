import { createHash, createHmac, randomBytes } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import { staffTexts } from '../../../schemas/src/staff-texts.js';
import type { FileCatalog } from '../adapters/file-catalog.js';
import { DynamoFormStore } from '../adapters/dynamo/dynamo-form-store.js';
import { DynamoMunicipalityStore } from '../adapters/dynamo/dynamo-municipality-store.js';
import { DynamoRateLimiter, type RateLimit } from '../adapters/dynamo/dynamo-rate-limiter.js';
import { DynamoAuditLog } from '../adapters/dynamo/dynamo-audit-log.js';
import { DynamoAuthStore } from '../adapters/dynamo/dynamo-auth-store.js';
import { DynamoStaffDirectory } from '../adapters/dynamo/dynamo-staff-directory.js';
import { DynamoSubmissionStore } from '../adapters/dynamo/dynamo-submission-store.js';
import { DynamoSearchIndex } from '../adapters/dynamo/dynamo-search-index.js';
import { DynamoFeedbackInvites } from '../adapters/dynamo/dynamo-feedback-invites.js';
import { DynamoReportStore } from '../adapters/dynamo/dynamo-report-store.js';
import { FormRegistry } from '../domain/form-registry.js';
import type { Mailer } from '../domain/mailer.js';
import type { SmsSender } from '../domain/sms.js';
import type { NotifyDeps } from '../domain/notify-staff.js';
import type { Clock, Crypto } from '../domain/ports.js';
import type { AppDeps } from '../http/deps.js';
import { MIN_FILL_SECONDS } from '../domain/spam/spam-signals.js';

export interface CoreConfig {
  db: DynamoDBDocumentClient;
  tableName: string;
  catalog: FileCatalog;
  mailer: Mailer;
  /** The residents' SMS confirmations: the local outbox, or AWS End User Messaging SMS. */
  sms: SmsSender;
  mailFrom: string;
  /** The site's public URL, resolved before the app is built: links in mail start with it, and its origin is the site's. */
  publicUrl: string;
  submissionRateLimit?: RateLimit;
  loginRateLimit?: RateLimit;
  loginMailRateLimit?: RateLimit;
  confirmationRateLimit?: RateLimit;
  /** Key that signs emailed action links; keep it secret and stable across restarts. */
  actionSecret: string;
  clientIp: (c: Context) => string;
  clock?: Clock;
  log?: (event: Record<string, unknown>) => void;
  /** How long answers to a replaced form version are still taken (days); default FORM_VERSION_GRACE_DAYS. */
  formVersionGraceDays?: number;
  /** Identical answers from one client within this many minutes are one case; default IDENTICAL_WINDOW_MINUTES, 0 never. */
  identicalWindowMinutes?: number;
  /** Answers back sooner than this after the form was first shown are held; default MIN_FILL_SECONDS (browser tests: 0). */
  minFillSeconds?: number;
  /** The least time a sign-in request takes, known address or not (milliseconds); default SIGN_IN_FLOOR_MS. */
  signInFloorMs?: number;
}

export const systemClock: Clock = { now: () => new Date() };
export const nodeCrypto: Crypto = {
  randomBytes: (n) => randomBytes(n),
  sha256: (text) => createHash('sha256').update(text).digest('hex'),
  hmac: (key, text) => createHmac('sha256', key).update(text).digest('base64url'),
  token: (bytes) => randomBytes(bytes).toString('base64url'),
};
/** One JSON line per event on stdout (CloudWatch reads it as structured). */
export const jsonLog = (event: Record<string, unknown>): void => console.log(JSON.stringify({ time: new Date().toISOString(), ...event }));

/** Default: 30 submissions per 10 minutes per address (a reception centre shares one address). */
export const DEFAULT_SUBMISSION_LIMIT: RateLimit = { limit: 30, windowSeconds: 600 };
/** Default: 30 sign-in link requests per 15 minutes per client address (an office shares one; 429 past it). */
export const DEFAULT_LOGIN_LIMIT: RateLimit = { limit: 30, windowSeconds: 900 };
/** Default: 5 sign-in mails per 15 minutes per email and requesting client address (past it, 202 without a mail). */
export const DEFAULT_LOGIN_MAIL_LIMIT: RateLimit = { limit: 5, windowSeconds: 900 };

/** Default: 3 resident confirmations (email, SMS) per hour per recipient address; past it, none until the next hour. */
export const DEFAULT_CONFIRMATION_LIMIT: RateLimit = { limit: 3, windowSeconds: 3600 };

/** Longer than a sign-in mail normally takes to hand over (SES, SMTP), short enough not to bother a person. */
export const SIGN_IN_FLOOR_MS = 1_000;

/** A burst of the same answers from one client (a stuck button, a script) within this many minutes is one case. */
export const IDENTICAL_WINDOW_MINUTES = 10;

/** A resident who opened a form before a publish may send it for a week; then the page loads the new version. */
export const FORM_VERSION_GRACE_DAYS = 7;

/** Builds the app's and the notifier's dependencies from adapters; the one place that picks implementations. */
export function buildDeps(config: CoreConfig): { app: AppDeps; notify: NotifyDeps } {
  const clock = config.clock ?? systemClock;
  const log = config.log ?? jsonLog;
  const store = new DynamoSubmissionStore(config.db, config.tableName);
  const registry = new FormRegistry(
    config.catalog,
    new DynamoFormStore(config.db, config.tableName),
    new DynamoMunicipalityStore(config.db, config.tableName),
  );
  const submissionLimiter = new DynamoRateLimiter(config.db, config.tableName, config.submissionRateLimit ?? DEFAULT_SUBMISSION_LIMIT);
  const loginLimiter = new DynamoRateLimiter(config.db, config.tableName, config.loginRateLimit ?? DEFAULT_LOGIN_LIMIT);
  const loginMailLimiter = new DynamoRateLimiter(config.db, config.tableName, config.loginMailRateLimit ?? DEFAULT_LOGIN_MAIL_LIMIT);
  const mail = { from: config.mailFrom, publicUrl: config.publicUrl };
  // The staff's own words (namespace `staff`), as the registry holds the residents' texts and mail texts.
  const staff = staffTexts(config.catalog);
  const app: AppDeps = {
    registry,
    store,
    search: new DynamoSearchIndex(config.db, config.tableName),
    reports: new DynamoReportStore(config.db, config.tableName),
    clock,
    crypto: nodeCrypto,
    submissionLimiter,
    loginLimiter,
    loginMailLimiter,
    staff: new DynamoStaffDirectory(config.db, config.tableName),
    auth: new DynamoAuthStore(config.db, config.tableName),
    audit: new DynamoAuditLog(config.db, config.tableName),
    mailer: config.mailer,
    sms: config.sms,
    invites: new DynamoFeedbackInvites(config.db, config.tableName),
    mail,
    staffTexts: staff,
    origin: new URL(config.publicUrl).origin,
    actionSecret: config.actionSecret,
    clientIp: config.clientIp,
    signInFloor: () => wait(config.signInFloorMs ?? SIGN_IN_FLOOR_MS),
    formVersionGraceDays: config.formVersionGraceDays ?? FORM_VERSION_GRACE_DAYS,
    identicalWindowMinutes: config.identicalWindowMinutes ?? IDENTICAL_WINDOW_MINUTES,
    minFillSeconds: config.minFillSeconds ?? MIN_FILL_SECONDS,
    log,
  };
  return {
    app,
    notify: {
      registry,
      store,
      mailer: config.mailer,
      sms: config.sms,
      clock,
      crypto: nodeCrypto,
      actionSecret: config.actionSecret,
      mail,
      staffTexts: staff,
      confirmationLimiter: new DynamoRateLimiter(config.db, config.tableName, config.confirmationRateLimit ?? DEFAULT_CONFIRMATION_LIMIT),
    },
  };
}
