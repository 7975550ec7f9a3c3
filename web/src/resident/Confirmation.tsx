import { useState } from 'react';
import { feedbackService } from '../../../schemas/src/feedback-service.js';
import type { Lang } from '../../../schemas/src/languages.js';
import { fetchServices } from '../api.js';
import { PageHeading } from '../components.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';
import { ContactDetails } from './ContactDetails.js';
import { spelledReference } from './reference.js';
import type { ReceiptState } from './use-form-flow.js';

/**
 * After sending: the reference, large and copyable; whether a message with it follows (if none does, keep it: a
 * screenshot is fine); what happens next for this form in this town; the service likely needed next; whom to contact.
 */
export function Confirmation({
  receipt,
  lang,
  municipality,
  formId,
}: {
  receipt: ReceiptState['receipt'];
  lang: Lang;
  municipality: string;
  formId: string;
}) {
  const { t } = useTexts();
  const { reference } = receipt;
  const channels = receipt.confirmationBy ?? [];
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [services] = useAsync(() => fetchServices(municipality, lang), `${municipality}/${lang}`);
  const info = services.status === 'ready' ? services.value.municipality : undefined;
  const suggested = services.status === 'ready' ? services.value.forms.find((f) => f.id === receipt.suggest) : undefined;
  // Every form but the feedback form itself offers feedback on the service it was about, in the page's language.
  const feedback = services.status === 'ready' ? services.value.forms.find((f) => f.feedback && f.id !== formId) : undefined;

  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return setCopyState('failed');
    clipboard.writeText(reference).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };

  return (
    <>
      <PageHeading>{t('confirmation.title')}</PageHeading>
      <section className="reference-box" aria-labelledby="reference-heading">
        <h2 id="reference-heading">{t('confirmation.reference')}</h2>
        <p className="reference" dir="ltr" translate={false}>
          <span aria-hidden="true" data-reference="">
            {reference}
          </span>
          <span className="visually-hidden">{spelledReference(reference)}</span>
        </p>
        {channels.length === 0 ? (
          <p className="keep-reference">
            <strong>{t('confirmation.keepReference')}</strong>
          </p>
        ) : (
          <>
            {channels.includes('email') ? <p data-channel="email">{t('confirmation.sentEmail')}</p> : null}
            {channels.includes('sms') ? <p data-channel="sms">{t('confirmation.sentSms')}</p> : null}
            <p>{t('confirmation.referenceHint')}</p>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('confirmation.copy')}
        </button>
        <p role="status" className="copy-status">
          {copyState === 'copied' ? t('confirmation.copied') : copyState === 'failed' ? t('confirmation.copyFailed') : ''}
        </p>
      </section>
      <h2>{t('confirmation.nextTitle')}</h2>
      <p className="next-steps">{receipt.next}</p>
      {suggested ? (
        <section aria-labelledby="suggest-heading">
          <h2 id="suggest-heading">{t('confirmation.suggestTitle')}</h2>
          <p>
            <a className="standalone-link" href={`/${lang}/${municipality}/${suggested.id}`}>
              {suggested.title}
            </a>
          </p>
          <p className="hint">{suggested.description}</p>
        </section>
      ) : null}
      {feedback ? (
        <p>
          <a
            className="standalone-link"
            data-feedback=""
            href={`/${lang}/${municipality}/${feedback.id}?service=${feedbackService(formId)}`}
          >
            {t('confirmation.feedback')}
          </a>
        </p>
      ) : null}
      {info ? (
        <>
          <h2>{t('confirmation.contactTitle')}</h2>
          <ContactDetails municipality={info} />
        </>
      ) : null}
      <p>
        <a className="standalone-link" href={`/${lang}/${municipality}`}>
          {t('confirmation.home')}
        </a>
      </p>
    </>
  );
}
