import type { Context } from 'hono';
import type { StaffTexts } from '../../../schemas/src/staff-texts.js';
import type { FormRegistry } from '../domain/form-registry.js';
import type { Mailer } from '../domain/mailer.js';
import type {
  AuditLog,
  AuthStore,
  Clock,
  Crypto,
  FeedbackInviteStore,
  RateLimiter,
  ReportStore,
  SearchIndex,
  StaffDirectory,
  SubmissionStore,
} from '../domain/ports.js';
import type { SmsSender } from '../domain/sms.js';
import type { StaffMember } from '../domain/staff/staff-member.js';

/** Everything the HTTP app needs, built by an entry point from its configuration. */
export interface AppDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  /** Submissions' name, phone and email keys, for staff search. */
  search: SearchIndex;
  /** Monthly aggregates for the follow-up report: kept as submissions arrive and change, never personal data. */
  reports: ReportStore;
  clock: Clock;
  crypto: Crypto;
  /** Limits submissions per client address. */
  submissionLimiter: RateLimiter;
  /** Limits sign-in link requests per client address (429 past it). */
  loginLimiter: RateLimiter;
  /** Caps sign-in mails per address and requesting client (silently: the answer stays 202). */
  loginMailLimiter: RateLimiter;
  staff: StaffDirectory;
  auth: AuthStore;
  audit: AuditLog;
  mailer: Mailer;
  /** Sends the feedback request by SMS to a resident who chose a phone, where the town sends SMS. */
  sms: SmsSender;
  /** Personal single-use feedback links. */
  invites: FeedbackInviteStore;
  /** Sender of mail, and the site's public URL that links in mail start with. */
  mail: { from: string; publicUrl: string };
  /** The staff's own words (`schemas/texts/staff/`): sign-in mail and pages, action-link pages. */
  staffTexts: StaffTexts;
  /**
   * The site's origin (`https://koto.heinola.fi`, `http://localhost:3000`), known before the app is built: state
   * changes must come from it, and cookies are `Secure` unless it is plain http on this machine.
   */
  origin: string;
  /** Key that signs emailed action links. */
  actionSecret: string;
  /** The caller's address as the platform reports it (API Gateway, Node socket). */
  clientIp: (c: Context) => string;
  /** Structured log line (JSON); never receives answers or other personal data. */
  log: (event: Record<string, unknown>) => void;
  /**
   * Resolves when a sign-in request may answer at the earliest. A known address waits for its mail and an unknown
   * one does not; answering both no sooner than this keeps the response time from telling them apart.
   */
  signInFloor: () => Promise<void>;
  /** How long answers to a replaced form version are still taken, in days. */
  formVersionGraceDays: number;
  /** Identical answers to one form from one client within this many minutes are one case; 0: never grouped. */
  identicalWindowMinutes: number;
  /** Answers back sooner than this after the form was first shown are held as suspected spam. */
  minFillSeconds: number;
  /** Called after a submission is stored, e.g. to wake an in-process notifier. */
  onSubmitted?: (reference: string) => void;
}

export type Env = { Variables: { requestId: string; member: StaffMember } };
