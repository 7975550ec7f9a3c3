import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/ses-mailer.js';
import { SmtpMailer } from '../adapters/smtp-mailer.js';
import type { Mailer } from '../domain/mailer.js';
import type { LambdaConfig } from './lambda-config.js';

/** The Lambda's mail transport: SES by default, a municipality's SMTP relay when MAIL_TRANSPORT=smtp. */
export function lambdaMailer(
  config: Pick<LambdaConfig, 'mailTransport' | 'smtpUrl' | 'sesConfigurationSet'>,
  sesClient: () => SESv2Client,
): Mailer {
  if (config.mailTransport === 'ses') return new SesMailer(sesClient(), config.sesConfigurationSet);
  if (!config.smtpUrl) throw new Error('SMTP_URL is required with MAIL_TRANSPORT=smtp');
  return new SmtpMailer(config.smtpUrl);
}
