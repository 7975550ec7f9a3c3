import { fileURLToPath } from 'node:url';
import { FORM_VERSION_GRACE_DAYS, SIGN_IN_FLOOR_MS } from './build-deps.js';
import { choiceEnv, intEnv, optionalEnv, requireEnv, requireUrlEnv, type Env } from './env.js';

/**
 * What both Lambdas (`lambda-api.ts`, `lambda-notifier.ts`) read from the environment the stack gives them, once
 * per cold start; docs/configuration.md lists it.
 */
export interface LambdaConfig {
  /** `TABLE_NAME`: the DynamoDB table (required). */
  tableName: string;
  /** `SCHEMAS_DIR`: the form catalog; by default `schemas/` beside the bundle, where the build puts it. */
  schemasDir: string;
  /** `PUBLIC_URL`: the site's address behind CloudFront, for links in mail and the origin state changes must come from (required). */
  publicUrl: string;
  /** `MAIL_FROM`: the sender of every mail, an address of the SES identity (required). */
  mailFrom: string;
  /** `MAIL_TRANSPORT`: `ses`, or `smtp` for a municipality's relay at `SMTP_URL`. */
  mailTransport: 'ses' | 'smtp';
  /** `SMTP_URL`: the relay; required with `MAIL_TRANSPORT=smtp`. */
  smtpUrl?: string;
  /** `SES_CONFIGURATION_SET`: the SES configuration set mail is sent through (bounce and complaint events); none by default. */
  sesConfigurationSet?: string;
  /** `SMS_ORIGINATION_IDENTITY`: the sender id, number or pool residents' SMS come from; AWS picks one when unset. */
  smsOriginationIdentity?: string;
  /** `SMS_CONFIGURATION_SET`: the AWS End User Messaging SMS configuration set; none by default. */
  smsConfigurationSet?: string;
  /** `ACTION_LINK_SECRET`: the key that signs the claim and mark-done links in staff mail (required). */
  actionLinkSecret: string;
  /** `SIGN_IN_FLOOR_MS`: the least time a sign-in request takes, known address or not, in milliseconds. */
  signInFloorMs: number;
  /** `FORM_VERSION_GRACE_DAYS`: how long answers to a replaced form version are still taken, in days. */
  formVersionGraceDays: number;
}

/** What the API Lambda reads besides. */
export interface ApiConfig extends LambdaConfig {
  /** `ORIGIN_VERIFY_SECRET`: the header value CloudFront adds, so the API believes the viewer address it forwards (required). */
  originVerifySecret: string;
}

/** The Lambdas' configuration; `bundleUrl` is the bundle's `import.meta.url`. Throws, naming the variable, on a missing or bad value. */
export function lambdaConfig(bundleUrl: string, env: Env = process.env): LambdaConfig {
  const mailTransport = choiceEnv(env, 'MAIL_TRANSPORT', ['ses', 'smtp'], 'ses', 'file writes to local disk');
  return {
    tableName: requireEnv(env, 'TABLE_NAME'),
    schemasDir: optionalEnv(env, 'SCHEMAS_DIR') ?? fileURLToPath(new URL('./schemas', bundleUrl)),
    publicUrl: requireUrlEnv(env, 'PUBLIC_URL'),
    mailFrom: requireEnv(env, 'MAIL_FROM'),
    mailTransport,
    smtpUrl: mailTransport === 'smtp' ? requireEnv(env, 'SMTP_URL') : undefined,
    sesConfigurationSet: optionalEnv(env, 'SES_CONFIGURATION_SET'),
    smsOriginationIdentity: optionalEnv(env, 'SMS_ORIGINATION_IDENTITY'),
    smsConfigurationSet: optionalEnv(env, 'SMS_CONFIGURATION_SET'),
    actionLinkSecret: requireEnv(env, 'ACTION_LINK_SECRET'),
    signInFloorMs: intEnv(env, 'SIGN_IN_FLOOR_MS', SIGN_IN_FLOOR_MS),
    formVersionGraceDays: intEnv(env, 'FORM_VERSION_GRACE_DAYS', FORM_VERSION_GRACE_DAYS),
  };
}

/** The API Lambda's configuration: the Lambdas' and the CloudFront origin secret. */
export function apiConfig(bundleUrl: string, env: Env = process.env): ApiConfig {
  return { ...lambdaConfig(bundleUrl, env), originVerifySecret: requireEnv(env, 'ORIGIN_VERIFY_SECRET') };
}
