import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextStore, baseKeys } from '../../schemas/src/index.js';
import { catalog } from './web-fixtures.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every literal key passed to t(...) in the resident app (the staff area's and workbench's are their own: staff-texts.test.ts). */
const usedKeys = new Set(
  sourceFiles('web/src')
    .filter((file) => !file.startsWith(join('web', 'src', 'staff')) && !file.startsWith(join('web', 'src', 'admin')))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!)),
);
const languages = Object.keys(catalog.common) as (keyof typeof catalog.common)[];
const store = new TextStore();
for (const lang of languages) store.add(lang, 'translation', catalog.common[lang]!);

describe('interface texts of the web app', () => {
  it('are found in the sources', () => {
    expect(usedKeys.size).toBeGreaterThan(40);
  });

  for (const lang of languages) {
    it(`${lang} has every key the web app uses, with text`, () => {
      const texts = store.translator(lang, 'translation');
      const missing = [...usedKeys].filter((key) => !texts.own(key));
      expect(missing).toEqual([]);
    });

    it(`${lang} has the same keys as fi`, () => {
      expect(baseKeys(catalog.common[lang])).toEqual(baseKeys(catalog.common.fi));
    });
  }
});
