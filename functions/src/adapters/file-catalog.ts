import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { staffListProblems, type StaffMember } from '../domain/staff/staff-member.js';
import {
  definitionProblems,
  errorsOf,
  isLang,
  lintForm,
  lintMunicipality,
  municipalityShapeProblems,
  problemLines,
  type Catalog,
  type CommonTexts,
  type FormDefinition,
  type Lang,
  type MailTexts,
  type Municipality,
} from '../../../schemas/src/index.js';

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function readTexts<T>(dir: string): Partial<Record<Lang, T>> {
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
 * definition against `schemas/definition.schema.json`, with texts only in their own files.
 */
function readForm(dir: string, name: string): { form: FormDefinition; problems: string[] } {
  const file = readJson<Omit<FormDefinition, 'texts'> & { texts?: unknown }>(join(dir, 'form.json'));
  const form = { ...file, texts: readTexts(join(dir, 'texts')) } as FormDefinition;
  const problems = problemLines(name, definitionProblems(form));
  if (file.texts !== undefined) problems.push(`${name}/texts: texts live in texts/<lang>.json, not in form.json`);
  if (file.id !== name) problems.push(`${name}/id: ${JSON.stringify(file.id)} must be the folder's name, ${JSON.stringify(name)}`);
  return { form, problems };
}

/** `shared-texts.json`: a review flag for every language that has interface texts, and only for those. */
function readSharedReview(root: string, common: Partial<Record<Lang, CommonTexts>>): Catalog['sharedReview'] {
  const path = join(root, 'shared-texts.json');
  const { languages } = readJson<{ languages?: Record<string, { reviewed?: unknown }> }>(path);
  const entries = Object.entries(languages ?? {});
  const problems = [
    ...entries
      .filter(([lang, v]) => !isLang(lang) || typeof v?.reviewed !== 'boolean')
      .map(([lang]) => `${lang}: needs a known language and "reviewed": true or false`),
    ...Object.keys(common)
      .filter((lang) => !languages?.[lang])
      .map((lang) => `${lang}: has interface texts but no review flag`),
  ];
  if (problems.length) throw new Error(`${path} has problems:\n${problems.join('\n')}`);
  return Object.fromEntries(entries.map(([lang, v]) => [lang, { reviewed: v.reviewed === true }]));
}

/**
 * Reads form definitions, municipalities and interface texts from a `schemas/` folder; throws on a form or
 * municipality file of the wrong shape and on a municipality or review file with problems. The forms' own lint
 * (compiling every schema) is `readCheckedCatalog`'s.
 */
export function readCatalog(root: string): Catalog {
  const formsDir = join(root, 'forms');
  const read = readdirSync(formsDir)
    .filter((name) => existsSync(join(formsDir, name, 'form.json')))
    .sort()
    .map((name) => readForm(join(formsDir, name), name));
  const shape = read.flatMap((r) => r.problems);
  if (shape.length) throw new Error(`Form definitions in ${formsDir} have problems:\n${shape.join('\n')}`);
  const forms = read.map((r) => r.form);
  const muniDir = join(root, 'municipalities');
  // Municipality texts live per language (one file for all municipalities), as translation tools expect.
  const muniTexts = readTexts<Record<string, Record<string, string>>>(join(muniDir, 'texts'));
  const files = readdirSync(muniDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const raw = files.map((f) => readJson<unknown>(join(muniDir, f)));
  const formIds = forms.map((f) => f.id);
  // The shape first (schemas/municipality.schema.json); what a shape cannot say, for a file of the right shape.
  const problems = files.flatMap((file, i) => {
    const shape = problemLines(file, municipalityShapeProblems(raw[i]));
    return shape.length ? shape : lintMunicipality(raw[i], { file, formIds, others: raw.filter((_, j) => j !== i) });
  });
  for (const [lang, all] of Object.entries(muniTexts)) {
    for (const id of Object.keys(all))
      if (!files.includes(`${id}.json`)) problems.push(`texts/${lang}.json: texts for ${id}, which has no municipality file`);
  }
  if (problems.length) throw new Error(`Municipality files in ${muniDir} have problems:\n${problems.join('\n')}`);
  // The lint has checked every field the type promises.
  const municipalities = (raw as Omit<Municipality, 'texts'>[]).map((data) => {
    const texts = Object.fromEntries(
      Object.entries(muniTexts).flatMap(([lang, all]) => (all[data.id] ? [[lang, all[data.id]]] : [])),
    ) as Municipality['texts'];
    return { ...data, texts };
  });
  const common = readTexts<CommonTexts>(join(root, 'texts'));
  return {
    forms,
    municipalities,
    common,
    mail: readTexts<MailTexts>(join(root, 'texts', 'mail')),
    sharedReview: readSharedReview(root, common),
  };
}

/**
 * `readCatalog` plus the forms' lint: for the local server's start and the build, so neither runs with a broken
 * form; a Lambda reads the catalog the build checked and copied, without compiling every schema at cold start.
 */
export function readCheckedCatalog(root: string): Catalog {
  const catalog = readCatalog(root);
  // Warnings do not keep a form from loading; the build and the server start with errors only.
  const problems = catalog.forms.flatMap((form) => problemLines(form.id, errorsOf(lintForm(form))));
  if (problems.length) throw new Error(`Form definitions in ${join(root, 'forms')} have problems:\n${problems.join('\n')}`);
  return catalog;
}

/** A staff directory file (a JSON list of members), checked; throws naming every problem. */
export function readStaffFile(path: string, municipalityIds: readonly string[]): StaffMember[] {
  const data = readJson<unknown>(path);
  const problems = staffListProblems(data, municipalityIds);
  if (problems.length) throw new Error(`${path} has problems:\n${problems.join('\n')}`);
  return data as StaffMember[];
}

/** The accounts local mode seeds (`schemas/staff/local.json`). */
export function readLocalStaff(root: string, municipalityIds: readonly string[]): StaffMember[] {
  return readStaffFile(join(root, 'staff', 'local.json'), municipalityIds);
}
