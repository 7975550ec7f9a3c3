import { TextStore, type Texts, type Vars } from './i18n.js';
import { isLang, type Lang } from './languages.js';
import { STATUSES, type SubmissionStatus } from './statuses.js';

/**
 * The staff's own words (the staff web app, the staff mail and the server's staff pages), i18next namespace `staff`:
 * `schemas/texts/staff/<lang>.json`. Staff work in Finnish; another staff language is one more file beside fi.json
 * (and this constant, or a choice per member, to pick it).
 */
export const STAFF_LANGUAGE: Lang = 'fi';
export const STAFF_NAMESPACE = 'staff';

/** The staff texts as written in Finnish, the reference every other staff language follows. */
export type StaffTextFile = typeof import('../texts/staff/fi.json');

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Every key of the staff texts (`inbox.heading`; a plural as its base, `inbox.count`), derived from fi.json: a key
 * the file lacks is a type error, so a typo or a text removed from the file fails `npm run typecheck`.
 */
export type StaffKey = KeysOf<StaffTextFile>;

/** The staff texts of every staff language, as read from `schemas/texts/staff/` (the server's file catalog, the web build). */
export interface StaffTextFiles {
  staff: Partial<Record<Lang, Texts>>;
}

/** The staff's words in one language, through i18next. */
export interface StaffTexts {
  lang: Lang;
  /** The text at `key` with its `{{placeholders}}` filled (`count` picks the plural form); the key itself if missing. */
  t(key: StaffKey, vars?: Vars): string;
  /**
   * The text at `key` cut at its placeholder `name`, for putting an element there (a link, a highlighted title):
   * `["Tunnuksella ", " ei löytynyt…"]`. The other placeholders are filled from `vars`.
   */
  around(key: StaffKey, name: string, vars?: Vars): [string, string];
  /** A submission status as staff say it ("käsittelyssä"); an unknown one as it came, none as "–". */
  status(status: string | null | undefined): string;
  /** A resident's language as staff name it ("ukraina"); an unknown code as it came. */
  language(code: string): string;
}

const CUT = '\u0000';

/** The staff texts of `files` in `lang` (Finnish unless told), looked up through i18next (`TextStore`). */
export function staffTexts(files: StaffTextFiles, lang: Lang = STAFF_LANGUAGE): StaffTexts {
  const store = new TextStore();
  for (const [code, texts] of Object.entries(files.staff)) if (texts) store.add(code, STAFF_NAMESPACE, texts);
  const translator = store.translator(lang, STAFF_NAMESPACE);
  const t = (key: StaffKey, vars?: Vars) => translator.t(key, vars) ?? key;
  return {
    lang,
    t,
    around: (key, name, vars = {}) => {
      const [before = '', after = ''] = t(key, { ...vars, [name]: CUT }).split(CUT);
      return [before, after];
    },
    status: (status) => {
      if (!status) return '–';
      return (STATUSES as readonly string[]).includes(status) ? t(`status.${status as SubmissionStatus}`) : status;
    },
    language: (code) => (isLang(code) ? t(`languages.${code}`) : code),
  };
}
