import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDefinitionJson, isLang, type FormDefinition, type Lang } from '../../../schemas/src/index.js';

/**
 * Form definitions as files, in the `schemas/` layout: `forms/<id>/form.json` (everything but the texts) and
 * `forms/<id>/texts/<lang>.json` (one language's texts, i18next JSON), each laid out by `formatDefinitionJson`, so
 * writing a form read from these files gives the same bytes back.
 */

export function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** One JSON file per language in `dir` (`<lang>.json`), by language; a file for an unknown language is refused. */
export function readTexts<T>(dir: string): Partial<Record<Lang, T>> {
  const out: Partial<Record<Lang, T>> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const lang = file.slice(0, -'.json'.length);
    if (!isLang(lang)) throw new Error(`${join(dir, file)}: not an offered language`);
    out[lang] = readJson<T>(join(dir, file));
  }
  return out;
}

/** One form from its folder: `form.json` and `texts/`. */
export function readFormDir(dir: string): FormDefinition {
  const form = readJson<Omit<FormDefinition, 'texts'>>(join(dir, 'form.json'));
  return { ...form, texts: readTexts(join(dir, 'texts')) };
}

/** Every form under `<root>/forms`, by folder name. */
export function readFormsDir(root: string): FormDefinition[] {
  const formsDir = join(root, 'forms');
  if (!existsSync(formsDir)) throw new Error(`${formsDir} does not exist: give a folder in the schemas/ layout (forms/<id>/form.json)`);
  return readdirSync(formsDir)
    .filter((name) => existsSync(join(formsDir, name, 'form.json')))
    .sort()
    .map((name) => readFormDir(join(formsDir, name)));
}

/** The files of a form, by path relative to `<root>/forms/<id>`, with their content. */
export function formFiles(form: FormDefinition): Map<string, string> {
  const { texts, ...rest } = form;
  const files = new Map([['form.json', formatDefinitionJson(rest)]]);
  for (const [lang, langTexts] of Object.entries(texts).sort(([a], [b]) => a.localeCompare(b)))
    files.set(`texts/${lang}.json`, formatDefinitionJson(langTexts));
  return files;
}

/** Writes a form into `<root>/forms/<id>/`; returns the paths written. */
export function writeFormDir(root: string, form: FormDefinition): string[] {
  const dir = join(root, 'forms', form.id);
  mkdirSync(join(dir, 'texts'), { recursive: true });
  return [...formFiles(form)].map(([path, content]) => {
    writeFileSync(join(dir, path), content);
    return join(dir, path);
  });
}
