import { App } from 'aws-cdk-lib';
import { appConfig } from './app-config.js';
import { MissingBuildOutput } from './constructs/require-build-output.js';
import { KotoStack, type KotoStackProps } from './koto-stack.js';

// The CDK CLI runs this from the repository root (see cdk.json), so build outputs are relative to it.
const app = new App();
const config = appConfig(app);

const props: KotoStackProps = {
  description: 'Koto Forms: intake forms for the integration services',
  env: { account: config.account, region: config.region },
  apiCodeDir: 'dist/lambda/api',
  notifierCodeDir: 'dist/lambda/notifier',
  webDir: 'dist/web',
  mailFrom: config.mailFrom,
  sesIdentity: config.sesIdentity,
  ...(config.smsOriginationIdentity ? { smsOriginationIdentity: config.smsOriginationIdentity } : {}),
};

try {
  new KotoStack(app, 'KotoForms', props);
} catch (error) {
  if (!(error instanceof MissingBuildOutput)) throw error;
  console.error(error.message);
  process.exit(1);
}
