import { isLang, type Lang } from '../../schemas/src/languages.js';

/**
 * The pages of the app, parsed from the path. Residents' pages live under `/<lang>/...`; the staff (`/staff`)
 * and admin (`/admin`) pages are one lazily loaded area, so residents never download them.
 */
export type Route =
  | { page: 'languages' }
  | { page: 'municipalities'; lang: Lang }
  | { page: 'services'; lang: Lang; municipality: string }
  | { page: 'form'; lang: Lang; municipality: string; formId: string }
  /** `/<lang>/<municipality>/saavutettavuus`: the municipality's accessibility statement (one slug in every language). */
  | { page: 'accessibility'; lang: Lang; municipality: string }
  /** `/staff/...` and `/admin`: the staff area, which parses the rest of the path itself (see `staff/staff-routes.ts`). */
  | { page: 'staff' }
  | { page: 'notFound'; lang?: Lang };

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The route a path names; unknown shapes are `notFound`, keeping the language when the path starts with one. */
export function parseRoute(path: string): Route {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => safeDecode(p));
  const [lang, municipality, formId, ...rest] = parts;
  if (parts.length === 0) return { page: 'languages' };
  if (lang === 'staff' || lang === 'admin') return { page: 'staff' };
  if (!isLang(lang)) return { page: 'notFound' };
  if (rest.length > 0 || [municipality, formId].some((p) => p !== undefined && !ID.test(p))) return { page: 'notFound', lang };
  if (municipality === undefined) return { page: 'municipalities', lang };
  if (formId === undefined) return { page: 'services', lang, municipality };
  if (formId === 'saavutettavuus') return { page: 'accessibility', lang, municipality };
  return { page: 'form', lang, municipality, formId };
}

/** The same page in another language. */
export function pathInLanguage(path: string, lang: Lang): string {
  const route = parseRoute(path);
  if (route.page === 'languages' || !('lang' in route) || route.lang === undefined) return `/${lang}`;
  const parts = path.split('/').filter(Boolean);
  return `/${[lang, ...parts.slice(1)].join('/')}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
