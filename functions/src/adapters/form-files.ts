import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  definitionProblems,
  formatDefinitionJson,
  isLang,
  problemLines,
  type FormDefinition,
  type Lang,
} from '../../../schemas/src/index.js';

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

/**
 * A form's `form.json` with its `texts/<lang>.json` merged in, and the problems of the parts' shape: the merged
 * definition against `schemas/definition.schema.json`, texts only in their own files, the id the folder's name.
 */
function readFormDir(dir: string, name: string): { form: FormDefinition; problems: string[] } {
  const file = readJson<Omit<FormDefinition, 'texts'> & { texts?: unknown }>(join(dir, 'form.json'));
  const form = { ...file, texts: readTexts(join(dir, 'texts')) } as FormDefinition;
  const problems = problemLines(name, definitionProblems(form));
  if (file.texts !== undefined) problems.push(`${name}/texts: texts live in texts/<lang>.json, not in form.json`);
  if (file.id !== name) problems.push(`${name}/id: ${JSON.stringify(file.id)} must be the folder's name, ${JSON.stringify(name)}`);
  return { form, problems };
}

/** Every form under `<root>/forms`, by folder name, each with the problems of its files' shape (lines). */
export function readFormFolders(root: string): { form: FormDefinition; problems: string[] }[] {
  const formsDir = join(root, 'forms');
  if (!existsSync(formsDir)) throw new Error(`${formsDir} does not exist: give a folder in the schemas/ layout (forms/<id>/form.json)`);
  return readdirSync(formsDir)
    .filter((name) => existsSync(join(formsDir, name, 'form.json')))
    .sort()
    .map((name) => readFormDir(join(formsDir, name), name));
}

/** Every form under `<root>/forms`; throws naming every problem of the files' shape. */
export function readFormsDir(root: string): FormDefinition[] {
  const formsDir = join(root, 'forms');
  const read = readFormFolders(root);
  const shape = read.flatMap((r) => r.problems);
  if (shape.length) throw new Error(`Form definitions in ${formsDir} have problems:\n${shape.join('\n')}`);
  return read.map((r) => r.form);
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
