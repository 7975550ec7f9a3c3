import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DynamoFormStore } from '../../functions/src/adapters/dynamo/dynamo-form-store.js';
import { buildMime } from '../../functions/src/adapters/mime.js';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import type { FormDefinition } from '../../schemas/src/index.js';
import { validatorSource } from '../../schemas/src/validator-source.js';
import { useDynalite } from '../support/dynamo.js';
import { HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, GUIDANCE_VERSION, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
type Answer = { field: string; label: string; display: string; residentDisplay: string; freeText: boolean };
const SUBMIT = '/api/forms/guidance/submissions';

async function app(): Promise<T> {
  const t = await buildTestApp();
  await seedStaff(t);
  return t;
}

async function submit(t: T, answers: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, SUBMIT, guidanceBody(overrides, answers));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

/** The staff mail about `reference`, as text. */
async function staffMailText(t: T, reference: string): Promise<string> {
  await notifyStaff(t.deps.notify);
  const mail = t.mailer.sent.find((m) => m.to.includes('kotoutumisohjaaja@heinola.fi') && m.headers?.['X-Koto-Reference'] === reference)!;
  return (await simpleParser((await buildMime(mail)).raw)).text ?? '';
}

async function detailAnswers(t: T, cookie: string, reference: string): Promise<Record<string, Answer>> {
  const res = await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie });
  expect(res.status).toBe(200);
  const { answers } = (await res.json()) as { answers: Answer[] };
  return Object.fromEntries(answers.map((a) => [a.field, a]));
}

/** The guidance form as it was before the interpreter's language became a closed choice: free text, not in the mail. */
function freeTextVersion(): FormDefinition {
  const earlier = structuredClone(catalog.forms.find((f) => f.id === 'guidance')!);
  earlier.version = GUIDANCE_VERSION - 1;
  earlier.schema.properties!['interpreterLanguage'] = { type: 'string', minLength: 1, maxLength: 60 };
  delete earlier.schema.properties!['interpreterLanguageOther'];
  earlier.schema.allOf = earlier.schema.allOf!.filter((rule) => !rule.then?.required?.includes('interpreterLanguageOther'));
  earlier.meta.emailSafeFields = earlier.meta.emailSafeFields.filter((f) => f !== 'interpreterLanguage');
  for (const texts of Object.values(earlier.texts)) {
    delete texts!.fields['interpreterLanguage']!.options;
    delete texts!.fields['interpreterLanguageOther'];
  }
  return earlier;
}

describe("the interpreter's language, a closed choice to book the interpreter by", () => {
  it('reaches the staff mail, the inbox and the detail in Finnish, beside the resident’s own words', async () => {
    const t = await app();
    const reference = await submit(t, { interpreterLanguage: 'prs' }, { lang: 'fa' });
    expect(await staffMailText(t, reference)).toContain('Tulkin kieli: dari');
    const cookie = await signIn(t, HEINOLA);
    const answers = await detailAnswers(t, cookie, reference);
    expect(answers['interpreterLanguage']).toMatchObject({
      label: 'Tulkin kieli',
      display: 'dari',
      residentDisplay: 'دری',
      freeText: false,
    });
    const inbox = (await (await staffRequest(t, 'GET', '/api/staff/submissions', { cookie })).json()) as {
      items: { reference: string; safeAnswers: { label: string; display: string }[] }[];
    };
    expect(inbox.items.find((i) => i.reference === reference)!.safeAnswers).toContainEqual(
      expect.objectContaining({ label: 'Tulkin kieli', display: 'dari' }),
    );
  });

  it('asks the name of another language as free text, which stays out of the mail', async () => {
    const t = await app();
    const reference = await submit(t, { interpreterLanguage: 'other', interpreterLanguageOther: 'tigre (Eritrea)' });
    const mail = await staffMailText(t, reference);
    expect(mail).toContain('Tulkin kieli: jokin muu kieli');
    expect(mail).not.toContain('tigre');
    const answers = await detailAnswers(t, await signIn(t, HEINOLA), reference);
    expect(answers['interpreterLanguageOther']).toMatchObject({ label: 'Tulkin kieli (muu)', display: 'tigre (Eritrea)', freeText: true });
  });

  it('refuses a language typed as text, and "another language" without its name, storing nothing', async () => {
    const t = await app();
    for (const [answers, keyword, path] of [
      [{ interpreterLanguage: 'arabia' }, 'enum', '/answers/interpreterLanguage'],
      [{ interpreterLanguage: 'other' }, 'required', '/answers/interpreterLanguageOther'],
    ] as const) {
      const res = await postJson(t.app, SUBMIT, guidanceBody({}, answers));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_answers', errors: [expect.objectContaining({ path, keyword })] });
    }
    const cookie = await signIn(t, HEINOLA);
    expect(((await (await staffRequest(t, 'GET', '/api/staff/submissions', { cookie })).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('still shows a free-text answer to the previous version, in the detail and the export, and keeps it out of the mail', async () => {
    const t = await app();
    const earlier = freeTextVersion();
    const store = new DynamoFormStore(t.table.db, t.table.tableName);
    expect(await store.putVersion('guidance', earlier, validatorSource(earlier.schema, 'guidance'))).toBe('written');
    const reference = await submit(t, { interpreterLanguage: 'arabia, Irakin murre' }, { formVersion: earlier.version });
    expect(await staffMailText(t, reference)).not.toContain('Irakin');

    const cookie = await signIn(t, HEINOLA);
    const answers = await detailAnswers(t, cookie, reference);
    expect(answers['interpreterLanguage']).toMatchObject({ label: 'Tulkin kieli', display: 'arabia, Irakin murre', freeText: true });
    const csv = await (
      await staffRequest(t, 'GET', '/api/staff/export?format=csv-fi&municipality=heinola&form=guidance', { cookie })
    ).text();
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('"Tulkin kieli"');
    expect(row).toContain('"arabia, Irakin murre"');
  });
});
