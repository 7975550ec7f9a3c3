import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffMember } from '../domain/staff/staff-member.js';
import { isLang, type Catalog, type CommonTexts, type FormDefinition, type Lang, type MailTexts, type Municipality } from '../../../schemas/src/index.js';

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function readTexts<T>(dir: string): Partial<Record<Lang, T>> {
  const out: Partial<Record<Lang, T>> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const lang = file.slice(0, -'.json'.length);
    if (!isLang(lang)) throw new Error(`${join(dir, file)}: not an offered language`);
    out[lang] = readJson<T>(join(dir, file));
  }
  return out;
}

function readForm(dir: string): FormDefinition {
  const form = readJson<Omit<FormDefinition, 'texts'>>(join(dir, 'form.json'));
  return { ...form, texts: readTexts(join(dir, 'texts')) };
}

/** Reads form definitions, municipalities and interface texts from a `schemas/` folder. */
export function readCatalog(root: string): Catalog {
  const formsDir = join(root, 'forms');
  const forms = readdirSync(formsDir)
    .filter((name) => existsSync(join(formsDir, name, 'form.json')))
    .sort()
    .map((name) => readForm(join(formsDir, name)));
  const muniDir = join(root, 'municipalities');
  // Municipality texts live per language (one file for all municipalities), as translation tools expect.
  const muniTexts = readTexts<Record<string, Record<string, string>>>(join(muniDir, 'texts'));
  const municipalities = readdirSync(muniDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = readJson<Omit<Municipality, 'texts'>>(join(muniDir, f));
      const texts = Object.fromEntries(
        Object.entries(muniTexts).flatMap(([lang, all]) => (all[data.id] ? [[lang, all[data.id]]] : [])),
      ) as Municipality['texts'];
      return { ...data, texts };
    });
  return { forms, municipalities, common: readTexts<CommonTexts>(join(root, 'texts')), mail: readTexts<MailTexts>(join(root, 'texts', 'mail')) };
}

/** The accounts local mode seeds (`schemas/staff/local.json`); AWS manages its staff in the table. */
export function readLocalStaff(root: string): StaffMember[] {
  return readJson<StaffMember[]>(join(root, 'staff', 'local.json'));
}
