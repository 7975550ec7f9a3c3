import { AVAILABLE_LANGUAGES } from './i18n.js';
import { pathInLanguage } from './routes.js';
import { useTexts } from './texts-context.js';

/** A disclosure listing every language by its own name; each link opens the same page in that language. */
export function LanguageSwitcher({ path }: { path: string }) {
  const { t, lang } = useTexts();
  return (
    <details className="lang-switch" key={path}>
      <summary>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.9A8 8 0 0 1 18.9 8ZM12 4a13.9 13.9 0 0 1 1.9 4h-3.8A13.9 13.9 0 0 1 12 4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4Zm.8 2h3a15.7 15.7 0 0 0 1.4 3.9A8 8 0 0 1 5.1 16Zm3-8h-3a8 8 0 0 1 4.4-3.9A15.7 15.7 0 0 0 8.1 8ZM12 20a13.9 13.9 0 0 1-1.9-4h3.8A13.9 13.9 0 0 1 12 20Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.2 5.9a15.7 15.7 0 0 0 1.4-3.9h3a8 8 0 0 1-4.4 3.9Zm1.8-5.9a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4Z" />
        </svg>
        <span>{t('language.change')}</span>
        {lang !== 'en' ? <span lang="en"> / Language</span> : null}
      </summary>
      <ul className="lang-list">
        {AVAILABLE_LANGUAGES.map((l) => (
          <li key={l.code}>
            <a
              href={pathInLanguage(path, l.code)}
              lang={l.code}
              dir={l.dir}
              hrefLang={l.code}
              aria-current={l.code === lang ? 'true' : undefined}
            >
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
