import type { App } from 'aws-cdk-lib';

/**
 * What the CDK app (`npx cdk synth`, `npx cdk deploy`) reads: context given as `-c name=value` or in cdk.json, and
 * the account and region the CDK CLI puts into the environment; docs/configuration.md lists it.
 */
export interface AppConfig {
  /** Context `mailFrom`: the sender of every mail (default `no-reply@koto.example`). */
  mailFrom: string;
  /** Context `sesIdentity`: the verified SES identity mail is sent as, a domain or an address (default the domain of `mailFrom`). */
  sesIdentity: string;
  /** Context `smsOriginationIdentity`: the registered sender id, number or pool of residents' SMS; AWS picks one when unset. */
  smsOriginationIdentity?: string;
  /** `CDK_DEFAULT_ACCOUNT`: the account of the CLI's AWS profile; without it the stack is environment-agnostic. */
  account?: string;
  /** `CDK_DEFAULT_REGION`: the region of the CLI's AWS profile. */
  region?: string;
}

/** The CDK app's configuration; throws on context it cannot use. */
export function appConfig(app: App, env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const mailFrom = contextString(app, 'mailFrom') ?? 'no-reply@koto.example';
  const mailDomain = mailFrom.split('@')[1];
  if (!mailDomain) throw new Error(`context mailFrom must be an email address, got "${mailFrom}"`);
  const smsOriginationIdentity = contextString(app, 'smsOriginationIdentity');
  return {
    mailFrom,
    sesIdentity: contextString(app, 'sesIdentity') ?? mailDomain,
    ...(smsOriginationIdentity ? { smsOriginationIdentity } : {}),
    account: env['CDK_DEFAULT_ACCOUNT'],
    region: env['CDK_DEFAULT_REGION'],
  };
}

/** A string from `-c name=value` or cdk.json's context, or undefined when not given. */
function contextString(scope: App, name: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new Error(`context ${name} must be a non-empty string`);
  return value;
}
