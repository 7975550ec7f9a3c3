import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKeys, LANGUAGES, placeholderProblems, pluralProblems, STATUSES, type Lang } from '../../schemas/src/index.js';
import { STAFF_LANGUAGE, staffTexts } from '../../schemas/src/staff-texts.js';
import { staff as webStaff } from '../../web/src/staff/texts.js';
import { catalog } from '../support/test-app.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The code that writes staff words: the kit's lookup, the staff web app and workbench, and the server files given the staff texts. */
const staffCode = [
  join('schemas', 'src', 'staff-texts.ts'),
  join('schemas', 'src', 'report-names.ts'),
  ...sourceFiles(join('web', 'src', 'staff')),
  ...sourceFiles(join('web', 'src', 'admin')),
  ...sourceFiles(join('functions', 'src')).filter((file) => /\bStaff(Texts|Key)\b|\bstaffTexts\b/.test(readFileSync(file, 'utf8'))),
].map((file) => ({ file, source: readFileSync(file, 'utf8') }));

const fi = catalog.staff[STAFF_LANGUAGE]!;
const keys = baseKeys(fi);
const groups = new Set(Object.keys(fi));

/** Quoted literals shaped like a staff key (`'inbox.heading'`, a group of the staff texts first), per file. */
const literalKeys = staffCode.flatMap(({ file, source }) =>
  [...source.matchAll(/'([a-zA-Z]+(?:\.\w+)+)'/g)].map((m) => ({ file, key: m[1]! })).filter(({ key }) => groups.has(key.split('.')[0]!)),
);
/** Prefixes of keys made in code (`status.${...}`): every key under one is used. */
const builtPrefixes = staffCode.flatMap(({ source }) => [...source.matchAll(/`([a-zA-Z]+(?:\.\w+)*\.)\$\{/g)].map((m) => m[1]!));

describe('the staff texts (schemas/texts/staff)', () => {
  it('are read by the server and built into the staff web app alike', () => {
    const server = staffTexts(catalog);
    expect(server.lang).toBe('fi');
    expect(webStaff.lang).toBe('fi');
    for (const key of ['app.name', 'inbox.heading', 'actions.claim'] as const) expect(webStaff.t(key)).toBe(server.t(key));
    expect(server.t('inbox.count', { count: 1 })).toBe('1 lomake.');
    expect(server.t('inbox.count', { count: 25 })).toBe('25 lomaketta.');
    expect(server.t('app.pageTitle', { page: 'Ylläpito' })).toBe('Ylläpito – Koto-lomakkeet');
    expect(server.around('submission.notFoundText', 'reference')).toEqual([
      'Tunnuksella ',
      ' ei löytynyt lomaketta, tai se kuuluu kunnalle, jonka lomakkeisiin sinulla ei ole pääsyä. Tarkista tunnus.',
    ]);
  });

  it('have every key the code uses: a literal key is found in fi.json (a typo is also a type error)', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
    expect(literalKeys.filter(({ key }) => !keys.includes(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
    // The key type is derived from fi.json, so tsc refuses a key the file lacks; at run time it shows as the key.
    // @ts-expect-error: no such key in schemas/texts/staff/fi.json
    expect(webStaff.t('inbox.haeding')).toBe('inbox.haeding');
  });

  it('have no unused key: each is used by the code, by name or under a prefix the code builds keys with', () => {
    expect(builtPrefixes).toEqual(expect.arrayContaining(['status.', 'languages.', 'actions.']));
    const nested = JSON.stringify(fi);
    const used = (key: string) =>
      literalKeys.some((l) => l.key === key) || builtPrefixes.some((p) => key.startsWith(p)) || nested.includes(`$t(${key})`);
    expect(keys.filter((key) => !used(key))).toEqual([]);
  });

  it('name every status and every resident language, and no form (forms name themselves)', () => {
    const server = staffTexts(catalog);
    expect(STATUSES.map((s) => server.status(s))).toEqual(['uusi', 'käsittelyssä', 'odottaa asiakasta', 'valmis', 'hylätty']);
    for (const { code } of LANGUAGES) expect(keys, `languages.${code}`).toContain(`languages.${code}`);
    expect(keys.filter((k) => k.startsWith('languages.'))).toHaveLength(LANGUAGES.length);
    // No code knows a form: staff pages take form titles from the forms' own Finnish titles.
    expect(fi).not.toHaveProperty('forms');
  });

  for (const [lang, texts] of Object.entries(catalog.staff) as [Lang, Record<string, unknown>][]) {
    it(`${lang}: plural forms as the language needs them, the keys and placeholders of fi`, () => {
      expect(pluralProblems(lang, texts)).toEqual([]);
      expect(baseKeys(texts)).toEqual(keys);
      expect(placeholderProblems(lang, fi, texts)).toEqual([]);
    });
  }
});
