import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { setText } from '../../schemas/src/questions.js';
import { setReviewed, settleReviews } from '../../schemas/src/review-stamps.js';
import {
  applyImport,
  compareImport,
  exportLanguage,
  exportLanguageJson,
  textOf,
  translationGrid,
} from '../../schemas/src/translation-grid.js';
import { flattenTexts } from '../../schemas/src/texts.js';
import type { FormDefinition } from '../../schemas/src/types.js';

const catalog = readCatalog('schemas');
const form = (id: string): FormDefinition => structuredClone(catalog.forms.find((f) => f.id === id)!);
const hobby = () => form('hobby');

describe('the translation grid', () => {
  it('has a row for every text of every form, each language a column, and every language complete on the real forms', () => {
    for (const def of catalog.forms) {
      const grid = translationGrid(def);
      expect(grid.langs[0]).toBe('fi');
      expect(grid.langs).toHaveLength(10);
      const keys = new Set(grid.rows.map((r) => r.key));
      for (const lang of grid.langs) {
        for (const [key, value] of flattenTexts(def.texts[lang])) if (typeof value === 'string') expect(keys).toContain(key);
        expect(grid.completeness[lang], `${def.id} ${lang}`).toEqual({ filled: grid.rows.length, total: grid.rows.length });
      }
    }
  });

  it('orders the rows as a reader meets them: title, description, next, steps, fields in step order part by part, consent', () => {
    const keys = translationGrid(hobby()).rows.map((r) => r.key);
    expect(keys.slice(0, 7)).toEqual(['title', 'description', 'next', 'steps.who', 'steps.interests', 'steps.contact', 'steps.consent']);
    expect(keys.slice(7, 12)).toEqual([
      'fields.hobbyFor.label',
      'fields.hobbyFor.hint',
      'fields.hobbyFor.options.me',
      'fields.hobbyFor.options.child',
      'fields.hobbyFor.options.both',
    ]);
    // A repeating group's own texts come before its item's questions.
    const children = keys.indexOf('fields.children.label');
    expect(keys.slice(children, children + 6)).toEqual([
      'fields.children.label',
      'fields.children.hint',
      'fields.children.item',
      'fields.children.add',
      'fields.children.remove',
      'fields.childFirstName.label',
    ]);
    expect(keys.indexOf('fields.phone.errors.pattern')).toBe(keys.indexOf('fields.phone.hint') + 1);
    expect(keys.at(-1)).toBe('consent.text');
  });

  it('flags an empty cell and counts it against its language only', () => {
    const def = setText(hobby(), 'ar', ['fields', 'childAge', 'hint'], '');
    const grid = translationGrid(def);
    const row = grid.rows.find((r) => r.key === 'fields.childAge.hint')!;
    expect(row.cells.ar).toBe('');
    expect(row.cells.fi).toBe('Ikä vuosina, esimerkiksi 9.');
    expect(grid.completeness.ar).toEqual({ filled: grid.rows.length - 1, total: grid.rows.length });
    expect(grid.completeness.fa).toEqual({ filled: grid.rows.length, total: grid.rows.length });
  });

  it('has a row for a new question before any language has its texts', () => {
    const def = hobby();
    def.schema.properties!['shoeSize'] = { type: 'string', enum: ['small', 'large'] };
    (def.uiSchema['ui:steps'] as { id: string; fields: string[] }[])[0]!.fields.push('shoeSize');
    const keys = translationGrid(def).rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['fields.shoeSize.label', 'fields.shoeSize.hint', 'fields.shoeSize.options.small']));
    // In its step, after the step's other questions and before the next step's.
    expect(keys.indexOf('fields.shoeSize.label')).toBeGreaterThan(keys.indexOf('fields.childInterests.label'));
    expect(keys.indexOf('fields.shoeSize.label')).toBeLessThan(keys.indexOf('fields.interests.label'));
    expect(translationGrid(def).completeness.fi!.filled).toBe(keys.length - 4);
  });
});

describe('a language out as an i18next file and back in', () => {
  it('exports the nested shape of the texts files, every key, a missing text as ""', () => {
    const def = hobby();
    expect(exportLanguage(def, 'uk')).toEqual(catalog.forms.find((f) => f.id === 'hobby')!.texts.uk);
    const without = setText(def, 'sv', ['fields', 'phone', 'hint'], '');
    const exported = exportLanguage(without, 'sv') as { fields: Record<string, Record<string, string>> };
    expect(exported.fields['phone']!['hint']).toBe('');
    expect(JSON.parse(exportLanguageJson(without, 'sv'))).toEqual(exported);
    expect(exportLanguageJson(def, 'fi').endsWith('}\n')).toBe(true);
  });

  it('lists nothing when the exported file comes back unchanged', () => {
    const def = hobby();
    expect(compareImport(def, 'th', exportLanguage(def, 'th'))).toEqual({ changes: [], refusals: [] });
  });

  it('lists each added, changed and removed text with its old and new text, and applies them', () => {
    const def = setText(hobby(), 'et', ['fields', 'childAge', 'hint'], '');
    const file = exportLanguage(def, 'et') as { title: string; fields: Record<string, Record<string, string>> };
    const oldTitle = file.title;
    file.title = 'Huvitegevus';
    file.fields['childAge']!['hint'] = 'Vanus aastates.';
    delete file.fields['email']!['hint'];
    const oldEmailHint = textOf(def, 'et', 'fields.email.hint');
    const { changes, refusals } = compareImport(def, 'et', file);
    expect(refusals).toEqual([]);
    expect(changes).toEqual([
      { key: 'title', kind: 'changed', old: oldTitle, new: 'Huvitegevus' },
      { key: 'fields.childAge.hint', kind: 'added', old: '', new: 'Vanus aastates.' },
      { key: 'fields.email.hint', kind: 'removed', old: oldEmailHint, new: '' },
    ]);
    const applied = applyImport(def, 'et', changes);
    expect(textOf(applied, 'et', 'title')).toBe('Huvitegevus');
    expect(textOf(applied, 'et', 'fields.childAge.hint')).toBe('Vanus aastates.');
    expect(textOf(applied, 'et', 'fields.email.hint')).toBe('');
    expect(applied.texts.fi).toEqual(def.texts.fi);
    expect(compareImport(applied, 'et', file)).toEqual({ changes: [], refusals: [] });
  });

  it('refuses keys the form does not have and values that are not text, changing nothing for them', () => {
    const def = hobby();
    const file = exportLanguage(def, 'ru') as Record<string, unknown> & { fields: Record<string, Record<string, unknown>> };
    file['colour'] = 'синий';
    file.fields['shoeSize'] = { label: 'Размер' };
    file.fields['phone']!['label'] = 42;
    file['description'] = ['a list'];
    const { changes, refusals } = compareImport(def, 'ru', file);
    expect(changes).toEqual([]);
    expect(refusals).toEqual(
      expect.arrayContaining([
        { key: 'colour', reason: 'unknown_key' },
        { key: 'fields.shoeSize.label', reason: 'unknown_key' },
        { key: 'fields.phone.label', reason: 'not_text' },
      ]),
    );
    expect(refusals.some((r) => r.key.startsWith('description'))).toBe(true);
    expect(compareImport(def, 'ru', ['not', 'an', 'object']).refusals).toEqual([{ key: '', reason: 'not_object' }]);
  });
});

describe('the review marks', () => {
  const stamp = { by: 'admin@koto.local', at: '2026-12-01T10:00:00.000Z' };

  it('stamps a language newly marked reviewed, keeps the marks while its texts stay, and clears them when they change', () => {
    const before = hobby();
    const marked = settleReviews(before, setReviewed(before, 'sv', true, { by: 'forged@x', at: 'then' }), stamp);
    expect(marked.meta.languages.sv).toEqual({ reviewed: true, reviewedBy: stamp.by, reviewedAt: stamp.at });
    const later = settleReviews(marked, setReviewed(marked, 'sv', true, { by: 'other@x', at: 'now' }), {
      by: 'other@koto.local',
      at: '2026-12-02T10:00:00.000Z',
    });
    expect(later.meta.languages.sv).toEqual(marked.meta.languages.sv);
    const edited = settleReviews(marked, setText(marked, 'sv', ['title'], 'Fritid'), stamp);
    expect(edited.meta.languages.sv).toEqual({ reviewed: false });
    // Finnish stays reviewed: its texts did not change.
    expect(edited.meta.languages.fi).toEqual({ reviewed: true });
  });

  it('drops the marks of a language no longer reviewed, and returns the same definition when nothing changes', () => {
    const before = settleReviews(hobby(), setReviewed(hobby(), 'en', true), stamp);
    expect(settleReviews(before, setReviewed(before, 'en', false), stamp).meta.languages.en).toEqual({ reviewed: false });
    expect(settleReviews(before, before, stamp)).toBe(before);
  });
});
