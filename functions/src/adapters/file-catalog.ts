import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFormsDir, readJson, readTexts } from './form-files.js';
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
  type Lang,
  type MailTexts,
  type Municipality,
  type Texts,
} from '../../../schemas/src/index.js';
import type { StaffTextFiles } from '../../../schemas/src/staff-texts.js';

/** What `readCatalog` reads from `schemas/`: the forms, municipalities and resident texts, and the staff's own texts. */
export type FileCatalog = Catalog & StaffTextFiles;

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
export function readCatalog(root: string): FileCatalog {
  // The shape first (schemas/definition.schema.json), so the lint and everything after read only well-formed data.
  const forms = readFormsDir(root);
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
    staff: readTexts<Texts>(join(root, 'texts', 'staff')),
    sharedReview: readSharedReview(root, common),
  };
}

/**
 * `readCatalog` plus the forms' lint: for the local server's start and the build, so neither runs with a broken
 * form; a Lambda reads the catalog the build checked and copied, without compiling every schema at cold start.
 */
export function readCheckedCatalog(root: string): FileCatalog {
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
