import type { Lang } from '../../../schemas/src/languages.js';
import { ApiError, fetchServices } from '../api.js';
import { LoadFailed, Loading, NotFound, PageHeading } from '../components.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';
import { ContactDetails } from './ContactDetails.js';

/** `/<lang>/<municipality>`: the services offered, how to reach the municipality and when to visit. */
export function ServicesPage({ lang, municipality }: { lang: Lang; municipality: string }) {
  const { t } = useTexts();
  const [state, retry] = useAsync(() => fetchServices(municipality, lang), `${municipality}/${lang}`);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    if (state.error instanceof ApiError && state.error.status === 404) return <NotFound home={`/${lang}`} />;
    return <LoadFailed onRetry={retry} />;
  }
  const { forms, municipality: info } = state.value;
  const name = info?.name ?? municipality;
  return (
    <>
      <PageHeading>{t('municipality.services', { municipality: name })}</PageHeading>
      {forms.length === 0 ? <p>{t('municipality.noForms')}</p> : null}
      <ul className="service-list">
        {forms.map((form) => (
          <li key={form.id}>
            <a className="service" href={`/${lang}/${municipality}/${form.id}`}>
              <span className="service__title">{form.title}</span>
              <span className="service__description">{form.description}</span>
            </a>
          </li>
        ))}
      </ul>
      {info?.texts['walkIn'] ? (
        <section aria-labelledby="visit-heading">
          <h2 id="visit-heading">{t('municipality.visit')}</h2>
          <p>{info.texts['walkIn']}</p>
        </section>
      ) : null}
      {info ? (
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('municipality.contact')}</h2>
          <ContactDetails municipality={info} />
          <p>
            <a className="standalone-link" href={info.privacyNoticeUrl} rel="noopener">
              {t('municipality.privacy')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
