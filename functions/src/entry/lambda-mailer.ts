import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/ses-mailer.js';
import { SmtpMailer } from '../adapters/smtp-mailer.js';
import type { Mailer } from '../domain/mailer.js';
import { mailTransportEnv, requireEnv } from './config.js';

/** The Lambda's mail transport: SES by default, a municipality's SMTP relay when MAIL_TRANSPORT=smtp. */
export function lambdaMailer(env: NodeJS.ProcessEnv, sesClient: () => SESv2Client): Mailer {
  const transport = mailTransportEnv(env, 'ses');
  if (transport === 'smtp') return new SmtpMailer(requireEnv(env, 'SMTP_URL'));
  if (transport === 'ses') return new SesMailer(sesClient(), env['SES_CONFIGURATION_SET'] || undefined);
  throw new Error('MAIL_TRANSPORT=file writes to local disk and is not for Lambda');
}
