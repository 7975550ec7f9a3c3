import { lazy, Suspense, useEffect, useState } from 'react';
import { dirOf } from '../../schemas/src/languages.js';
import { Loading, NotFound } from './components.js';
import { loadTexts, onFallbackTexts, preferredLanguage, textsLanguage, type LoadedTexts } from './i18n.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { LanguagePage } from './resident/LanguagePage.js';
import { MunicipalityPage } from './resident/MunicipalityPage.js';
import { ServicesPage } from './resident/ServicesPage.js';
import { SiteFooter } from './resident/SiteFooter.js';
import { useLocation } from './router.js';
import { parseRoute, type Route } from './routes.js';
import { TextsContext } from './texts-context.js';
import { TownName } from './TownName.js';

// The form page brings rjsf and the validators: only residents who open a form download them.
const FormPage = lazy(() => import('./resident/FormPage.js').then((m) => ({ default: m.FormPage })));
// The accessibility statement is read rarely: its page and texts are a chunk of their own.
const AccessibilityPage = lazy(() => import('./resident/AccessibilityPage.js').then((m) => ({ default: m.AccessibilityPage })));
// The staff area is its own chunk (with its own CSS): residents never download it.
const StaffApp = lazy(() => import('./staff/StaffApp.js').then((m) => ({ default: m.StaffApp })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'languages':
      return <LanguagePage />;
    case 'municipalities':
      return <MunicipalityPage lang={route.lang} />;
    case 'services':
      return <ServicesPage lang={route.lang} municipality={route.municipality} />;
    case 'form':
      return <FormPage key={`${route.municipality}/${route.formId}`} {...route} />;
    case 'accessibility':
      return <AccessibilityPage lang={route.lang} municipality={route.municipality} />;
    case 'staff':
      return null; // App renders the staff area instead of the resident app
    default:
      return <NotFound home={route.lang ? `/${route.lang}` : '/'} />;
  }
}

/** The app: the staff area under `/staff`, the resident app everywhere else. */
export function App({ initialTexts }: { initialTexts?: LoadedTexts }) {
  const { path } = useLocation();
  if (parseRoute(path).page !== 'staff') return <ResidentApp initialTexts={initialTexts} />;
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Ladataan…
        </p>
      }
    >
      <StaffApp />
    </Suspense>
  );
}

/** The resident app: skip link, header with the language menu, and the page for the current path. */
function ResidentApp({ initialTexts }: { initialTexts?: LoadedTexts }) {
  const { path } = useLocation();
  const route = parseRoute(path);
  const wanted = 'lang' in route && route.lang ? route.lang : preferredLanguage();
  const [texts, setTexts] = useState(initialTexts);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadTexts(wanted).then(
      (loaded) => live && (setTexts(loaded), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (!texts) return;
    document.documentElement.lang = texts.lang;
    document.documentElement.dir = dirOf(texts.lang);
  }, [texts]);

  // English arrived for keys this language lacks: show the texts again, now with English where they were empty.
  useEffect(() => onFallbackTexts((fresh) => setTexts((current) => (current?.lang === fresh.lang ? fresh : current))), []);

  if (!texts) {
    return (
      <main id="main" className="page">
        <p role="alert">{failed ? 'This page could not be loaded. Check your connection and reload.' : '…'}</p>
      </main>
    );
  }
  const { t } = texts;
  return (
    <TextsContext.Provider value={texts}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href={'lang' in route && route.lang ? `/${route.lang}` : '/'}>
            {t('app.name')}
            {'municipality' in route && route.municipality ? <TownName id={route.municipality} /> : null}
          </a>
          {route.page === 'languages' ? null : <LanguageSwitcher path={path} />}
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {/* A page is never shown with another language's interface texts: wait for its own. */}
        {texts.lang === textsLanguage(wanted) || failed ? (
          <Suspense fallback={<Loading />}>
            <Page route={route} />
          </Suspense>
        ) : (
          <Loading />
        )}
      </main>
      {texts.lang === textsLanguage(wanted) ? <SiteFooter route={route} /> : null}
    </TextsContext.Provider>
  );
}
