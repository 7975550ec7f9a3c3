import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Context } from 'hono';
import { getConnInfo } from 'hono/aws-lambda';
import { AwsSmsSender } from '../adapters/aws-sms-sender.js';
import { createDocumentClient } from '../adapters/dynamo/table.js';
import { readCatalog } from '../adapters/file-catalog.js';
import { buildDeps } from './build-deps.js';
import type { LambdaConfig } from './lambda-config.js';
import { lambdaMailer } from './lambda-mailer.js';

/** The address API Gateway saw the request come from. */
export const connectionAddress = (c: Context): string => getConnInfo(c).remote.address ?? 'unknown';

/** Dependencies of both Lambdas from their configuration: DynamoDB, SES or SMTP, AWS End User Messaging SMS. */
export function lambdaDeps(config: LambdaConfig, clientIp: (c: Context) => string = connectionAddress) {
  return buildDeps({
    db: createDocumentClient(),
    tableName: config.tableName,
    catalog: readCatalog(config.schemasDir),
    mailer: lambdaMailer(config, () => new SESv2Client({})),
    sms: new AwsSmsSender(new PinpointSMSVoiceV2Client({}), {
      originationIdentity: config.smsOriginationIdentity,
      configurationSetName: config.smsConfigurationSet,
    }),
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    actionSecret: config.actionLinkSecret,
    clientIp,
    signInFloorMs: config.signInFloorMs,
    formVersionGraceDays: config.formVersionGraceDays,
  });
}
