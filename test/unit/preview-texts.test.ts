import { describe, expect, it } from 'vitest';
import { type FormDefinition } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { previewLanguages, withMissingMarked } from '../../web/src/admin/preview-texts.js';
import { catalog } from './web-fixtures.js';

const MARK = '(puuttuu)';
const hobby = () => structuredClone(catalog.forms.find((f) => f.id === 'hobby')!) as FormDefinition;

describe("the preview's texts", () => {
  it('offer every language a form lists or has texts in, in the kit order', () => {
    const form = hobby();
    expect(previewLanguages(form)).toEqual(['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl']);
    delete form.meta.languages.sv;
    delete form.texts.th;
    expect(previewLanguages(form)).toEqual(['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl']);
  });

  it('leave complete texts as they are', () => {
    const form = hobby();
    expect(localize(withMissingMarked(form, 'ar', MARK), 'ar')).toEqual(localize(form, 'ar'));
  });

  it('mark an empty label, a missing choice, step title and language, where the lint would name them', () => {
    const form = hobby();
    form.texts.fi!.fields['hobbyFor']!.label = '';
    delete form.texts.en!.fields['hobbyFor']!.options!['me'];
    delete form.texts.en!.steps['who'];
    delete form.texts.sv;
    const fi = localize(withMissingMarked(form, 'fi', MARK), 'fi');
    expect(fi.schema.properties!['hobbyFor']!.title).toBe(MARK);
    const en = localize(withMissingMarked(form, 'en', MARK), 'en');
    expect((en.uiSchema['hobbyFor'] as Record<string, Record<string, string>>)['ui:enumNames']!['me']).toBe(MARK);
    expect((en.uiSchema['ui:steps'] as { title: string }[])[0]!.title).toBe(MARK);
    const sv = localize(withMissingMarked(form, 'sv', MARK), 'sv');
    expect(sv.title).toBe(MARK);
    expect(sv.schema.properties!['fullName']!.title).toBe(MARK);
    // A question added with no texts at all is named as missing, not by its id.
    form.schema.properties!['newQuestion'] = { type: 'string', maxLength: 100 };
    expect(localize(withMissingMarked(form, 'fi', MARK), 'fi').schema.properties!['newQuestion']!.title).toBe(MARK);
  });
});
