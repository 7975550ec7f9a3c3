import { App } from 'aws-cdk-lib';
import { MissingBuildOutput } from './constructs/require-build-output.js';
import { KotoStack, type KotoStackProps } from './koto-stack.js';

// The CDK CLI runs this from the repository root (see cdk.json), so build outputs are relative to it.
const app = new App();
const mailFrom = contextString(app, 'mailFrom', 'no-reply@koto.example');
const mailDomain = mailFrom.split('@')[1];
if (!mailDomain) throw new Error(`context mailFrom must be an email address, got "${mailFrom}"`);

const props: KotoStackProps = {
  description: 'Koto Forms: intake forms for the integration services',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  apiCodeDir: 'dist/lambda/api',
  notifierCodeDir: 'dist/lambda/notifier',
  webDir: 'dist/web',
  mailFrom,
  sesIdentity: contextString(app, 'sesIdentity', mailDomain),
  ...(app.node.tryGetContext('smsOriginationIdentity') ? { smsOriginationIdentity: contextString(app, 'smsOriginationIdentity', '') } : {}),
};

try {
  new KotoStack(app, 'KotoForms', props);
} catch (error) {
  if (!(error instanceof MissingBuildOutput)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** A string from `-c name=value` or cdk.json's context, or the fallback. */
function contextString(scope: App, name: string, fallback: string): string {
  const value: unknown = scope.node.tryGetContext(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') throw new Error(`context ${name} must be a non-empty string`);
  return value;
}
