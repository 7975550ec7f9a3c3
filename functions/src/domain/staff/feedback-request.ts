import { fill, type FormDefinition, type Lang } from '../../../../schemas/src/index.js';
import { feedbackService } from '../../../../schemas/src/feedback-service.js';
import type { FormRegistry } from '../form-registry.js';
import { issueInvite, type InviteDeps } from '../feedback-invite.js';
import type { Mailer } from '../mailer.js';
import { residentEmail, residentPhone } from '../resident-confirmation.js';
import type { SmsSender } from '../sms.js';
import type { Submission } from '../submission.js';

export interface FeedbackRequestDeps extends InviteDeps {
  registry: FormRegistry;
  mailer: Mailer;
  sms: SmsSender;
  mail: { from: string; publicUrl: string };
}

/** How the resident was asked for feedback: by email, by SMS, not at all (no address the town can use), or the send failed. */
export type FeedbackRequestOutcome = 'email' | 'sms' | 'none' | 'failed';

/** The town's feedback form (`meta.feedback`) and the language to open it in: the resident's, else English. */
function feedbackFormOf(registry: FormRegistry, municipality: string, lang: Lang): { form: FormDefinition; lang: Lang } | undefined {
  const form = registry.catalog.formsOf(municipality).find((f) => f.meta.feedback);
  if (!form) return undefined;
  const offered = registry.texts.offered(form);
  return { form, lang: offered.includes(lang) ? lang : 'en' };
}

/**
 * Asks the resident of a closed case for feedback, in their language: a single-use link to the town's feedback form
 * about the case's service, by email when they gave one, else by SMS to the phone they gave when the town sends SMS.
 * The link's record holds the town, the service and its expiry only, so the feedback cannot be tied to the case.
 */
export async function sendFeedbackRequest(deps: FeedbackRequestDeps, submission: Submission): Promise<FeedbackRequestOutcome> {
  const form = await deps.registry.versions.formVersion(submission.municipality, submission.formId, submission.formVersion);
  const target = feedbackFormOf(deps.registry, submission.municipality, submission.lang);
  if (form.meta.feedback || !target) return 'none';
  const municipality = deps.registry.catalog.municipality(submission.municipality);
  const email = residentEmail(form, submission.answers);
  const phone = municipality.sms?.enabled ? residentPhone(form, submission.answers) : undefined;
  if (!email && !phone) return 'none';

  const service = feedbackService(submission.formId);
  const token = await issueInvite(deps, municipality.id, service);
  const { lang } = target;
  const link = `${deps.mail.publicUrl}/${lang}/${municipality.id}/${target.form.id}?invite=${token}`;
  const serviceName = target.form.texts[lang]?.fields['service']?.options?.[service] ?? service;
  const vars = { municipality: municipality.name, service: fill(serviceName, deps.registry.texts.vars(municipality, lang), lang), link };
  const t = (key: string) => deps.registry.texts.mailTexts(lang).t(key, vars) ?? '';
  try {
    if (email) {
      await deps.mailer.send({
        from: deps.mail.from,
        to: [email],
        subject: t('feedbackSubject'),
        text: [t('greeting'), t('feedbackIntro'), '', t('feedbackAbout'), '', t('feedbackLink'), '', t('noReply')].join('\n'),
        headers: { 'Content-Language': lang, 'Auto-Submitted': 'auto-generated' },
      });
      return 'email';
    }
    await deps.sms.send({ to: phone!, text: t('feedbackSms'), reference: submission.reference });
    return 'sms';
  } catch {
    // The case is closed either way; an unsent link just expires unused.
    return 'failed';
  }
}
