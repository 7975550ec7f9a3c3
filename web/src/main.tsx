import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadTexts, preferredLanguage } from './i18n.js';
import { interceptLinks } from './router.js';
import { parseRoute } from './routes.js';
import './styles.css';

const root = document.getElementById('root')!;
interceptLinks(document.body);

// Wait for the page's language before the first paint, so the resident never sees another language flash by.
const route = parseRoute(window.location.pathname);
const lang = 'lang' in route && route.lang ? route.lang : preferredLanguage();
// On a form page, fetch the form code while the texts load rather than after (one round trip less).
if (route.page === 'form') void import('./resident/FormPage.js');
loadTexts(lang)
  .catch(() => undefined)
  .then((initialTexts) => {
    // No <StrictMode>: on Preact it is a Fragment that checks nothing (test/unit/preact-compat.test.ts).
    createRoot(root).render(<App initialTexts={initialTexts} />);
  });
