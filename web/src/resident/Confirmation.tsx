import { useState } from 'react';
import type { Lang } from '../../../schemas/src/languages.js';
import { fetchServices } from '../api.js';
import { PageHeading } from '../components.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';
import { ContactDetails } from './ContactDetails.js';
import { spelledReference } from './reference.js';

/** After sending: the reference, large and copyable, what happens next, and whom to contact. */
export function Confirmation({ reference, lang, municipality }: { reference: string; lang: Lang; municipality: string }) {
  const { t } = useTexts();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [services] = useAsync(() => fetchServices(municipality, lang), `${municipality}/${lang}`);
  const info = services.status === 'ready' ? services.value.municipality : undefined;

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
        <p className="reference" dir="ltr" translate="no">
          <span aria-hidden="true" data-reference="">
            {reference}
          </span>
          <span className="visually-hidden">{spelledReference(reference)}</span>
        </p>
        <p>{t('confirmation.referenceHint')}</p>
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('confirmation.copy')}
        </button>
        <p role="status" className="copy-status">
          {copyState === 'copied' ? t('confirmation.copied') : copyState === 'failed' ? t('confirmation.copyFailed') : ''}
        </p>
      </section>
      <h2>{t('confirmation.nextTitle')}</h2>
      <p>{t('confirmation.nextText')}</p>
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
