import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createAjv, offeredLanguages, type FormDefinition, type JsonSchema } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { validatorSource, type ValidatorRuntime } from '../../schemas/src/validator-source.js';
import { validatorRuntime } from '../../web/src/resident/validation/runtime.js';
import { catalog } from './web-fixtures.js';

type CreateValidator = (r: ValidatorRuntime) => ValidateFunction;

/** Imports a generated validator module as the page does. */
async function validatorModule(schema: JsonSchema, label: string): Promise<CreateValidator> {
  const file = join(mkdtempSync(join(tmpdir(), 'koto-validator-')), `${label}.mjs`);
  writeFileSync(file, validatorSource(schema, label));
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: CreateValidator }).default;
}

/** The validator a page has: the module, handed the page's runtime and the schema as the page received it. */
async function pageValidator(schema: JsonSchema, label: string, received: JsonSchema = schema): Promise<ValidateFunction> {
  return (await validatorModule(schema, label))(validatorRuntime(received));
}

/** The form's schema in every language it is offered in, as the API localizes it for a town's residents. */
const localizedSchemas = (f: FormDefinition) =>
  offeredLanguages(f).map((lang) => ({ lang, schema: localize(f, lang, { municipality: 'Heinola', walkIn: 'Tuesdays' }).schema }));

const form = (id: string) => catalog.forms.find((f) => f.id === id)!;

/** Valid guidance answers but for a name of `n` emoji of three code points each. */
const emojiName = (n: number) => ({
  fullName: '👩‍👧'.repeat(n),
  topics: ['kela'],
  preferredLanguage: 'fi',
  contactWay: 'email',
  email: 'a@b.fi',
  interpreterNeeded: false,
  consent: true,
});

/** A table of answers: valid ones and each kind of invalid one, per form. */
const TABLE: Record<string, Record<string, unknown>[]> = {
  guidance: [
    {},
    {
      topics: ['housing'],
      fullName: 'Olena Kovalenko',
      preferredLanguage: 'uk',
      contactWay: 'phone',
      phone: '+358 40 123 4567',
      interpreterNeeded: true,
      interpreterLanguage: 'uk',
      consent: true,
    },
    {
      topics: ['other'],
      topicOther: 'Bank',
      fullName: 'Amina',
      preferredLanguage: 'ar',
      contactWay: 'visit',
      interpreterNeeded: false,
      consent: true,
    },
    { topics: [], fullName: 'A', phone: 'abc', contactWay: 'sms', interpreterNeeded: true },
    { topics: ['work', 'work'], fullName: 'Amina', preferredLanguage: 'xx', contactWay: 'email', email: 'not-an-email', consent: false },
    { fullName: 'Ö'.repeat(201), birthYear: 1850, unknown: 1 },
    // 198 code points in 330 UTF-16 units: under maxLength 200 as ajv counts (ucs2length); 201 is over.
    emojiName(66),
    emojiName(67),
  ],
  registration: [{}, { birthDate: '2030-02-30', fullName: 'X' }, { children: [{ name: 'A', birthYear: 'twenty' }] }],
  feedback: [
    {},
    { service: 'guidance', ratingOverall: 6, consent: true },
    { service: 'guidance', ratingOverall: 5, contactRequest: 'email', consent: true },
  ],
};

describe('the validator a page imports and the server agree', () => {
  for (const [id, samples] of Object.entries(TABLE)) {
    it(`on ${id}: the same verdict and the same errors for valid answers and each kind of invalid one, in every language`, async () => {
      const schema = form(id).schema;
      const create = await validatorModule(schema, id);
      const server = createAjv().compile(schema);
      const languages = localizedSchemas(form(id));
      expect(languages.length, 'offered languages').toBeGreaterThanOrEqual(2);
      for (const { lang, schema: received } of languages) {
        const page = create(validatorRuntime(received));
        const verdicts = samples.map((answers) => {
          const ok = page(answers);
          expect(ok, `${lang} ${JSON.stringify(answers)}`).toBe(server(answers));
          expect(page.errors ?? null, `${lang} ${JSON.stringify(answers)}`).toEqual(server.errors ?? null);
          return ok;
        });
        expect(verdicts, 'the table holds refused answers').toContain(false);
      }
    });
  }

  it('accepts the valid guidance answers of the table, so the comparison is not only of refusals', async () => {
    const page = await pageValidator(form('guidance').schema, 'guidance');
    expect(TABLE['guidance']!.map((a) => page(a))).toEqual([false, true, true, false, false, false, true, false]);
  });

  it('is a module with no imports and no eval, whatever the schema', () => {
    for (const f of catalog.forms) {
      const source = validatorSource(f.schema, f.id);
      expect(source).not.toMatch(/^\s*import\s/m);
      expect(source).not.toMatch(/\beval\(|new Function/);
      expect(source).toMatch(/^export default function \w+\(\w+\)\{/m);
      // The page hands the module the schema it already has; the module carries no second copy of it.
      expect(source).not.toContain(JSON.stringify(f.schema.properties));
    }
  });

  it('reads from the schema the page hands it only what localizing leaves as published', () => {
    // The module takes property names and enum values from the received schema: localizing may change titles and
    // descriptions only. Every other keyword of every offered language's schema is the published one.
    const withoutTexts = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutTexts)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([k]) => k !== 'title' && k !== 'description')
                .map(([k, v]) => [k, withoutTexts(v)]),
            )
          : value;
    for (const f of catalog.forms) {
      for (const { lang, schema } of localizedSchemas(f))
        expect(withoutTexts(schema), `${f.id} in ${lang}`).toEqual(withoutTexts(f.schema));
    }
  });

  it('refuses a schema whose code would need an ajv helper the page does not carry', () => {
    const needsEqual: JsonSchema = { type: 'object', properties: { x: { type: 'array', uniqueItems: true, items: { type: 'object' } } } };
    expect(() => validatorSource(needsEqual, 'odd')).toThrow(
      /needs ajv runtime modules the page does not carry: ajv\/dist\/runtime\/equal/,
    );
  });
});
