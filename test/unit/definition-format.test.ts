import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FORM_ID_PATTERN,
  definitionProblems,
  municipalityShapeProblems,
  type FieldTexts,
  type FormDefinition,
  type FormMeta,
  type FormTexts,
  type LanguageMeta,
  type Municipality,
  type WalkIn,
} from '../../schemas/src/index.js';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';

const catalog = readCatalog('schemas');
const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const heinola = readJson('schemas/municipalities/heinola.json');
const at = (problems: { code: string; path: string }[]) => problems.map((p) => `${p.code} ${p.path}`);

/** Every key of a type, listed so that the type check fails here when the type gains or loses one. */
const keys = <T>(all: Record<keyof T, true>) => Object.keys(all).sort();
type Described = { properties: Record<string, unknown>; required?: string[]; definitions?: Record<string, Described> };
const formFormat = readJson('schemas/definition.schema.json') as unknown as Described;
const municipalityFormat = readJson('schemas/municipality.schema.json') as unknown as Described;
const described = (schema: Described) => Object.keys(schema.properties).sort();

describe('the formats and the types of schemas/src/types.ts', () => {
  it('name the same keys', () => {
    const defs = formFormat.definitions!;
    expect(described(formFormat)).toEqual(
      keys<FormDefinition>({ id: true, version: true, schema: true, uiSchema: true, meta: true, texts: true }),
    );
    expect(described(defs['meta']!)).toEqual(
      keys<FormMeta>({
        roles: true,
        languages: true,
        emailSafeFields: true,
        staffLabels: true,
        retentionDays: true,
        consentVersion: true,
        suggest: true,
        feedback: true,
        triage: true,
      }),
    );
    expect(described(defs['languageMeta']!)).toEqual(keys<LanguageMeta>({ reviewed: true, reviewedBy: true, reviewedAt: true }));
    expect(described(defs['formTexts']!)).toEqual(
      keys<FormTexts>({ title: true, description: true, next: true, steps: true, fields: true, consent: true }),
    );
    expect(described(defs['fieldTexts']!)).toEqual(
      keys<FieldTexts>({ label: true, hint: true, options: true, errors: true, item: true, add: true, remove: true }),
    );
    // A municipality's texts are in municipalities/texts/<lang>.json, not in its file.
    expect(described(municipalityFormat)).toEqual(
      keys<Omit<Municipality, 'texts'>>({
        id: true,
        name: true,
        referencePrefix: true,
        forms: true,
        routing: true,
        contact: true,
        walkIn: true,
        sms: true,
        privacyNoticeUrl: true,
      }),
    );
    expect(described(municipalityFormat.properties['walkIn'] as Described)).toEqual(
      keys<WalkIn>({ weekday: true, opens: true, closes: true, address: true }),
    );
    expect(described(municipalityFormat.properties['contact'] as Described)).toEqual(
      keys<Municipality['contact']>({ email: true, phone: true, address: true }),
    );
  });

  it('give form ids one pattern, the one the admin API creates forms with', () => {
    expect((formFormat.definitions!['formId'] as unknown as { pattern: string }).pattern).toBe(FORM_ID_PATTERN);
  });

  it('require what the types require', () => {
    expect(formFormat.required!.sort()).toEqual(['id', 'meta', 'schema', 'texts', 'uiSchema', 'version']);
    expect(formFormat.definitions!['meta']!.required!.sort()).toEqual([
      'consentVersion',
      'emailSafeFields',
      'languages',
      'retentionDays',
      'roles',
    ]);
    expect(municipalityFormat.required!.sort()).toEqual([
      'contact',
      'forms',
      'id',
      'name',
      'privacyNoticeUrl',
      'referencePrefix',
      'routing',
    ]);
  });
});

describe('schemas/definition.schema.json', () => {
  it('takes every current form as the catalog merges it', () => {
    expect(catalog.forms).toHaveLength(5);
    for (const form of catalog.forms) expect(definitionProblems(form), form.id).toEqual([]);
  });

  it('refuses broken definitions at the right paths', () => {
    const form = structuredClone(guidance) as FormDefinition & Record<string, unknown>;
    form['draft'] = true;
    form.id = 'Guidance';
    form.version = 0;
    (form.meta as unknown as Record<string, unknown>)['emailSafeFields'] = 'contactWay';
    form.meta.languages.sv = { reviewed: 'no' as never };
    delete (form.uiSchema['ui:steps'] as Record<string, unknown>[])[1]!['fields'];
    form.texts.fi!.fields['phone']!.label = 7 as never;
    form.schema.type = 'array';
    expect(at(definitionProblems(form)).sort()).toEqual(
      [
        'definition_shape /draft',
        'definition_shape /id',
        'definition_shape /version',
        'definition_shape /meta/emailSafeFields',
        'definition_shape /meta/languages/sv/reviewed',
        'definition_shape /uiSchema/ui:steps/1/fields',
        'definition_shape /texts/fi/fields/phone/label',
        'definition_shape /schema/type',
      ].sort(),
    );
  });

  it('says what is wrong in words a coordinator can act on', () => {
    const form = { ...structuredClone(guidance), extra: 1, version: 'five' };
    expect(definitionProblems(form)).toEqual([
      {
        path: '/extra',
        severity: 'error',
        code: 'definition_shape',
        message: "'extra' is not a known key in a form definition (only id, version, schema, uiSchema, meta, texts).",
      },
      {
        path: '/version',
        severity: 'error',
        code: 'definition_shape',
        message: expect.stringMatching(/^This must be a whole number\. The version number\./),
      },
    ]);
  });
});

describe('schemas/municipality.schema.json', () => {
  it('takes every current municipality file', () => {
    const files = readdirSync('schemas/municipalities').filter((f) => f.endsWith('.json'));
    expect(files).toEqual(['heinola.json', 'orimattila.json']);
    for (const file of files) expect(municipalityShapeProblems(readJson(join('schemas/municipalities', file))), file).toEqual([]);
  });

  it('refuses broken files at the right paths', () => {
    const broken = {
      ...structuredClone(heinola),
      texts: {},
      referencePrefix: 'hei',
      routing: { default: [], Hobby: ['x@heinola.fi'] },
      contact: { email: 'kotoutuminen@heinola.fi', phone: ' ' },
      walkIn: { weekday: 8, opens: '9:00', closes: '15:00', address: 'Kauppakatu 10' },
      sms: { enabled: 'yes' },
      privacyNoticeUrl: 'http://www.heinola.fi',
    };
    delete (broken as Record<string, unknown>)['name'];
    expect(at(municipalityShapeProblems(broken)).sort()).toEqual(
      [
        'definition_shape /texts',
        'definition_shape /name',
        'definition_shape /referencePrefix',
        'definition_shape /routing/default',
        'definition_shape /routing/Hobby',
        'definition_shape /contact/phone',
        'definition_shape /contact/address',
        'definition_shape /walkIn/weekday',
        'definition_shape /walkIn/opens',
        'definition_shape /sms/enabled',
        'definition_shape /privacyNoticeUrl',
      ].sort(),
    );
  });
});

describe('the catalog checks the files at load', () => {
  const withCopy = (edit: (root: string) => void, check: (root: string) => void) => {
    const root = mkdtempSync(join(tmpdir(), 'koto-schemas-'));
    try {
      cpSync('schemas', root, { recursive: true });
      edit(root);
      check(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('refuses a form.json with an unknown key, texts of its own, or an id that is not its folder', () => {
    withCopy(
      (root) => {
        const file = join(root, 'forms', 'guidance', 'form.json');
        writeFileSync(file, JSON.stringify({ ...readJson(file), id: 'ohjaus', extra: 1, texts: {} }));
      },
      (root) =>
        expect(() => readCatalog(root)).toThrow(
          [
            `Form definitions in ${join(root, 'forms')} have problems:`,
            "guidance/extra: 'extra' is not a known key in a form definition (only id, version, schema, uiSchema, meta, texts).",
            'guidance/texts: texts live in texts/<lang>.json, not in form.json',
            'guidance/id: "ohjaus" must be the folder\'s name, "guidance"',
          ].join('\n'),
        ),
    );
  });

  it('refuses a text file of the wrong shape, naming the text', () => {
    withCopy(
      (root) => {
        const file = join(root, 'forms', 'hobby', 'texts', 'ar.json');
        const texts = readJson(file) as { fields: Record<string, Record<string, unknown>> };
        texts.fields['phone']!['tooltip'] = 'x';
        writeFileSync(file, JSON.stringify(texts));
      },
      (root) => expect(() => readCatalog(root)).toThrow(/\nhobby\/texts\/ar\/fields\/phone\/tooltip: 'tooltip' is not a known key here/),
    );
  });

  it('refuses a municipality file with a key the format does not have', () => {
    withCopy(
      (root) => writeFileSync(join(root, 'municipalities', 'heinola.json'), JSON.stringify({ ...heinola, smsEnabled: true })),
      (root) =>
        expect(() => readCatalog(root)).toThrow(/\nheinola\.json\/smsEnabled: 'smsEnabled' is not a known key in a municipality file/),
    );
  });
});
