import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKeys, flattenTexts, offeredLanguages, placeholderProblems, pluralProblems, type Lang } from '../../schemas/src/index.js';
import { catalog } from '../support/test-app.js';

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

const code = sources('web/src') + sources('functions/src');
const formTexts = JSON.stringify(catalog.forms.map((f) => f.texts));
/**
 * ajv keywords our schemas use, each with a message template (`errors.<keyword>`), plus the fallback and `integer`,
 * the `type` message of a number field ("write a number in digits"), and `characters` (a control, bidi override or lone
 * surrogate in an answer: `schemas/src/text-hygiene.ts`).
 */
const KEYWORDS = [
  'required',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'pattern',
  'format',
  'type',
  'enum',
  'const',
  'additionalProperties',
  'invalid',
  'integer',
  'characters',
];

const municipalityTexts = Object.fromEntries(
  (Object.keys(catalog.municipalities[0]!.texts) as Lang[]).map((lang) => [
    lang,
    Object.fromEntries(catalog.municipalities.map((m) => [m.id, m.texts[lang]])),
  ]),
);

/** The accessibility statements (`schemas/accessibility`), which the catalog does not carry. */
const statements = Object.fromEntries(
  readdirSync('schemas/accessibility')
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(join('schemas/accessibility', f), 'utf8')) as unknown]),
) as Partial<Record<Lang, unknown>>;

const namespaces: Record<string, Partial<Record<Lang, unknown>>> = {
  'interface (schemas/texts)': catalog.common,
  'resident mail (schemas/texts/mail)': catalog.mail,
  'municipalities (schemas/municipalities/texts)': municipalityTexts,
  'accessibility statements (schemas/accessibility)': statements,
};

/**
 * Left-to-right examples in right-to-left text that are not wrapped in Unicode isolates (U+2066 … U+2069): the
 * bidi algorithm shows `+358 40 123 4567` as `4567 123 40 358+` and `131052-308T` as `308T-131052`.
 */
function unisolatedExamples(texts: unknown): string[] {
  return [...flattenTexts(texts)].flatMap(([key, value]) => {
    if (typeof value !== 'string') return [];
    // A date example (day month year, "12 3 1985") stays bare: in right-to-left text it reads day first from the
    // right, in the order of the date's fields, which a right-to-left page also lays out from the right.
    const bare = value
      .replace(/\{\{\w+\}\}/g, '')
      .replace(/\u2066[^\u2069]*\u2069/g, '')
      .replace(/(^|[^\d])\d{1,2} \d{1,2} \d{4}(?![\d])/g, '$1');
    const found = bare.match(/\+?\d[\d\s\-]*[\s\-]\d[\dA-Z]*|[\w.+-]+@[\w.-]+/g) ?? [];
    return found.map((example) => `${key}: ${example}`);
  });
}

describe('right-to-left texts', () => {
  const rtl: Lang[] = ['ar', 'fa'];
  const sets = (lang: Lang) => ({
    ...Object.fromEntries(catalog.forms.map((f) => [f.id, f.texts[lang]])),
    common: catalog.common[lang],
    mail: catalog.mail[lang],
    municipalities: municipalityTexts[lang],
  });
  for (const lang of rtl) {
    it(`${lang}: isolates every left-to-right example (phone numbers, identity codes, addresses) so it reads in order`, () => {
      expect(unisolatedExamples(sets(lang))).toEqual([]);
    });
  }

  it('finds an example left bare', () => {
    expect(
      unisolatedExamples({
        a: 'مثلاً +358 40 123 4567.',
        b: 'مثلاً 131052-308T.',
        c: 'name@example.com',
        d: 'مثلاً \u2066+358 40 123 4567\u2069.',
        e: '1 – أبداً',
        f: 'مثلاً 12 3 1985.',
      }),
    ).toEqual(['a: +358 40 123 4567', 'b: 131052-308T', 'c: name@example.com']);
  });
});

describe('translations', () => {
  for (const [name, byLang] of Object.entries(namespaces)) {
    describe(name, () => {
      for (const [lang, texts] of Object.entries(byLang) as [Lang, unknown][]) {
        it(`${lang}: no missing, extra or empty key, the plural forms ${lang} needs, and the placeholders of fi`, () => {
          const have = flattenTexts(texts);
          expect(baseKeys(texts)).toEqual(baseKeys(byLang.fi));
          expect(pluralProblems(lang, texts)).toEqual([]);
          expect([...have].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
          expect(placeholderProblems(lang, byLang.fi, texts)).toEqual([]);
        });
      }
    });
  }

  it('has an accessibility statement in fi, sv and en (other languages show the English one)', () => {
    expect(Object.keys(statements).sort()).toEqual(expect.arrayContaining(['en', 'fi', 'sv']));
  });

  it('has no unused interface key: each is used in the code, or is a validation message of a keyword', () => {
    const unused = baseKeys(catalog.common.fi).filter((key) =>
      key.startsWith('errors.')
        ? !KEYWORDS.includes(key.slice('errors.'.length))
        : !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``),
    );
    expect(unused).toEqual([]);
  });

  it('has a validation message for every keyword', () => {
    const keys = [...flattenTexts(catalog.common.fi).keys()]
      .filter((k) => k.startsWith('errors.'))
      .map((k) => k.slice(7))
      .sort();
    expect(keys).toEqual([...KEYWORDS].sort());
  });

  it('has no unused municipality text: each fills a {{placeholder}} in a form or is shown by the web app', () => {
    const unused = [...flattenTexts(municipalityTexts.fi).keys()]
      .map((k) => k.split('.')[1]!)
      .filter((key) => !formTexts.includes(`{{${key}}}`) && !code.includes(key));
    expect(unused).toEqual([]);
  });

  for (const form of catalog.forms) {
    it(`${form.id}: every language in its metadata is complete, and has interface, mail and municipality texts`, () => {
      const listed = Object.keys(form.meta.languages) as Lang[];
      expect(offeredLanguages(form)).toEqual(listed);
      for (const lang of listed) {
        expect(catalog.common[lang], `interface texts in ${lang}`).toBeDefined();
        expect(catalog.mail[lang], `mail texts in ${lang}`).toBeDefined();
        expect(municipalityTexts[lang], `municipality texts in ${lang}`).toBeDefined();
      }
    });
  }
});

/** How alike two texts are, from 0 to 1: one minus their edit distance over the longer length (case, punctuation and "(optional)" aside). */
function likeness(a: string, b: string): number {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\(.*?\)/g, '')
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .trim();
  const [x, y] = [norm(a), norm(b)];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return 1 - row[y.length]! / Math.max(x.length, y.length, 1);
}

describe('step headings', () => {
  it('are not near-duplicates of a question on their step, in any language ("How to reach you" over "How should we contact you?")', () => {
    expect(likeness('Kuidas teiega ühendust võtta', 'Kuidas me teiega ühendust võtame?')).toBeGreaterThan(0.75);
    const echoes = catalog.forms.flatMap((form) =>
      Object.entries(form.texts).flatMap(([lang, texts]) =>
        ((form.uiSchema['ui:steps'] as { id: string; fields: string[] }[] | undefined) ?? []).flatMap((step) =>
          step.fields
            .filter((field) => likeness(texts!.steps[step.id]!, texts!.fields[field]!.label) > 0.75)
            .map((field) => `${form.id} ${lang} ${step.id}: "${texts!.steps[step.id]}" ~ ${field} "${texts!.fields[field]!.label}"`),
        ),
      ),
    );
    expect(echoes).toEqual([]);
  });
});
