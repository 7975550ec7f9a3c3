import { PageHeading } from '../components.js';
import { AVAILABLE_LANGUAGES } from '../i18n.js';
import { useTexts } from '../texts-context.js';

/** `/`: every language in its own name and script, as large buttons. */
export function LanguagePage() {
  const { t } = useTexts();
  return (
    <>
      <PageHeading>{t('language.choose')}</PageHeading>
      <p className="lead">{t('app.tagline')}</p>
      <ul className="choice-list choice-list--languages">
        {AVAILABLE_LANGUAGES.map((l) => (
          <li key={l.code}>
            <a className="choice" href={`/${l.code}`} lang={l.code} dir={l.dir} hrefLang={l.code}>
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
