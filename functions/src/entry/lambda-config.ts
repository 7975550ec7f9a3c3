import { fileURLToPath } from 'node:url';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { AwsSmsSender } from '../adapters/aws-sms-sender.js';
import type { Context } from 'hono';
import { getConnInfo } from 'hono/aws-lambda';
import { createDocumentClient } from '../adapters/dynamo/table.js';
import { readCatalog } from '../adapters/file-catalog.js';
import { buildDeps, SIGN_IN_FLOOR_MS } from './build-deps.js';
import { intEnv, requireEnv } from './config.js';
import { lambdaMailer } from './lambda-mailer.js';

/** The address API Gateway saw the request come from. */
export const connectionAddress = (c: Context): string => getConnInfo(c).remote.address ?? 'unknown';

/** Dependencies of both Lambdas from their environment; the form catalog ships beside the bundle in `schemas/`. */
export function lambdaDeps(env: NodeJS.ProcessEnv, bundleUrl: string, clientIp: (c: Context) => string = connectionAddress) {
  return buildDeps({
    db: createDocumentClient(),
    tableName: requireEnv(env, 'TABLE_NAME'),
    catalog: readCatalog(env['SCHEMAS_DIR'] ?? fileURLToPath(new URL('./schemas', bundleUrl))),
    mailer: lambdaMailer(env, () => new SESv2Client({})),
    sms: new AwsSmsSender(new PinpointSMSVoiceV2Client({}), {
      originationIdentity: env['SMS_ORIGINATION_IDENTITY'] || undefined,
      configurationSetName: env['SMS_CONFIGURATION_SET'] || undefined,
    }),
    mailFrom: requireEnv(env, 'MAIL_FROM'),
    publicUrl: requireEnv(env, 'PUBLIC_URL'),
    actionSecret: requireEnv(env, 'ACTION_LINK_SECRET'),
    clientIp,
    signInFloorMs: intEnv(env, 'SIGN_IN_FLOOR_MS', SIGN_IN_FLOOR_MS),
  });
}
