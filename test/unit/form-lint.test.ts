import { describe, expect, it } from 'vitest';
import { lintForm } from '../../schemas/src/index.js';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';

const catalog = readCatalog('schemas');

describe('every form definition under schemas/forms', () => {
  it('includes the five services', () => {
    expect(catalog.forms.map((f) => f.id).sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
  });

  for (const form of catalog.forms) {
    it(`${form.id} passes the lint`, () => {
      expect(lintForm(form)).toEqual([]);
    });
  }
});
