import { fetchMunicipalities } from '../api.js';
import type { Route } from '../routes.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';

/** The municipalities' names, for pages that belong to no municipality yet. */
function AllStatements({ href, label }: { href: (id: string) => string; label: string }) {
  const [state] = useAsync(fetchMunicipalities, 'municipalities');
  if (state.status !== 'ready') return null;
  return (
    <>
      {state.value.municipalities.map((m) => (
        <li key={m.id}>
          <a href={href(m.id)}>{`${label}: ${m.name}`}</a>
        </li>
      ))}
    </>
  );
}

/** The footer of every resident page: the accessibility statement of the municipality, or of each one. */
export function SiteFooter({ route }: { route: Route }) {
  const { t, lang: textsLang, langOf } = useTexts();
  const lang = 'lang' in route && route.lang ? route.lang : textsLang;
  const href = (municipality: string) => `/${lang}/${municipality}/saavutettavuus`;
  const label = t('footer.accessibility');
  const current = route.page === 'accessibility' ? 'page' : undefined;
  return (
    <footer className="site-footer">
      <ul className="site-footer__inner" lang={langOf('footer.accessibility') === textsLang ? undefined : 'en'}>
        {'municipality' in route ? (
          <li>
            <a href={href(route.municipality)} aria-current={current}>
              {label}
            </a>
          </li>
        ) : (
          <AllStatements href={href} label={label} />
        )}
      </ul>
    </footer>
  );
}
