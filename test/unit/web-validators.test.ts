import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../schemas/src/index.js';
import { schemaFingerprint } from '../../web/src/resident/validation/fingerprint.js';
import { validatorModule } from '../../web/vite/precompiled-validators.js';
import { catalog, guidanceForm } from './web-fixtures.js';

const definition = catalog.forms.find((f) => f.id === 'guidance')!;

async function loadModule(code: string): Promise<{ default: ValidateFunction; version: number; fingerprint: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'koto-validator-')), 'guidance.mjs');
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

const samples: unknown[] = [
  {},
  { topics: [], fullName: 'A', phone: 'abc', contactWay: 'sms', interpreterNeeded: true },
  { topics: ['work', 'work'], fullName: 'Amina', preferredLanguage: 'xx', contactWay: 'email', email: 'not-an-email', consent: false },
  {
    topics: ['other'],
    topicOther: 'Bank',
    fullName: 'Amina',
    preferredLanguage: 'ar',
    contactWay: 'visit',
    interpreterNeeded: false,
    consent: true,
  },
  { fullName: 'Ö'.repeat(201), birthYear: 1850, unknown: 1 },
];

describe('precompiled form validators', () => {
  it('find the same errors as the kit compiling at run time', async () => {
    const built = await loadModule(validatorModule(definition.schema, definition.version));
    const runtime = createAjv().compile(definition.schema);
    for (const answers of samples) {
      expect(built.default(answers)).toBe(runtime(answers));
      expect(built.default.errors ?? null).toEqual(runtime.errors ?? null);
    }
  });

  it('carry the version and a fingerprint that matches the localized form a resident gets', async () => {
    const built = await loadModule(validatorModule(definition.schema, definition.version));
    expect(built.version).toBe(definition.version);
    for (const lang of ['fi', 'sv', 'en'] as const) expect(schemaFingerprint(guidanceForm(lang).schema)).toBe(built.fingerprint);
  });

  it('tell changed rules apart', () => {
    const changed = { ...definition.schema, required: [...(definition.schema.required ?? []), 'message'] };
    expect(schemaFingerprint(changed)).not.toBe(schemaFingerprint(definition.schema));
  });
});
