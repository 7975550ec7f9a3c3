import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, postJson } from '../support/test-app.js';

useDynalite();

const version = (id: string) => catalog.forms.find((f) => f.id === id)!.version;

/** A registration and a hobby enrolment with children, as a Ukrainian family in Orimattila sends them. */
async function familySubmissions() {
  const t = await buildTestApp();
  await seedStaff(t);
  const send = async (formId: string, answers: Record<string, unknown>) => {
    const res = await postJson(t.app, `/api/forms/${formId}/submissions`, {
      municipality: 'orimattila',
      lang: 'uk',
      formVersion: version(formId),
      answers,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { reference: string }).reference;
  };
  const contact = { fullName: 'Оксана Петренко', preferredLanguage: 'uk', contactWay: 'phone', phone: '040 123 4567', consent: true };
  const registration = await send('registration', {
    ...contact,
    birthDate: '1985-03-12',
    finnishLevel: 'little',
    interpreterNeeded: false,
    arrivalYear: 2024,
    jobseekerRegistered: 'no',
    childrenUnder18: 2,
    integrationTraining: 'waiting',
    goals: ['work', 'finnish'],
  });
  const hobby = await send('hobby', {
    ...contact,
    hobbyFor: 'child',
    helpRegistering: true,
    children: [
      { childFirstName: 'Олена', childAge: 7, childInterests: ['music'] },
      { childFirstName: 'Марко', childLatinName: 'Marko', childAge: 12, childInterests: ['sports', 'games'] },
    ],
  });
  return { t, registration, hobby, cookie: await signIn(t, ADMIN) };
}

type Detail = { answers: { field: string; display: string; residentDisplay: string; shown: { kind: string } }[] };

describe('staff read answers the way the resident gave them, in Finnish words', () => {
  it('shows a date of birth as a date, and each child with their own answers, in the detail', async () => {
    const { t, registration, hobby, cookie } = await familySubmissions();
    const detail = async (reference: string) =>
      (await (await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie })).json()) as Detail;
    const answer = (d: Detail, field: string) => d.answers.find((a) => a.field === field)!;

    const reg = await detail(registration);
    expect(answer(reg, 'birthDate').display).toBe('12. maaliskuuta 1985');
    expect(answer(reg, 'birthDate').residentDisplay).toBe('12 березня 1985 р.');
    expect(answer(reg, 'integrationTraining').display).toBe('Odotan pääsyä koulutukseen');
    expect(answer(reg, 'goals').display).toBe('Saada työtä, Oppia suomea');

    const children = answer(await detail(hobby), 'children');
    expect(children.shown.kind).toBe('items');
    expect(children.display).toBe(
      'Lapsi 1: Lapsen etunimi: Олена, Lapsen ikä: 7, Mikä lasta kiinnostaa?: Musiikki; ' +
        'Lapsi 2: Lapsen etunimi: Марко, Etunimi latinalaisin kirjaimin (vapaaehtoinen): Marko, Lapsen ikä: 12, Mikä lasta kiinnostaa?: Urheilu ja liikunta, Pelit',
    );
    expect(children.residentDisplay).toMatch(/^Дитина 1: .*; Дитина 2: /);
  });

  it('writes the same words in the export, and only email-safe answers, in those words, in the staff mail', async () => {
    const { t, hobby, cookie } = await familySubmissions();
    const csv = await (
      await staffRequest(t, 'GET', '/api/staff/export?format=csv-fi&municipality=orimattila&form=hobby', { cookie })
    ).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(`"${hobby}"`))!;
    expect(row).toContain('Lapsi 1: Lapsen etunimi: Олена');
    expect(row).not.toContain('[object Object]');
    await notifyStaff(t.deps.notify);
    const mail = t.mailer.sent.find((m) => m.subject.includes(hobby))!;
    // Under the form's short staff labels (meta.staffLabels), in the same words as the export.
    expect(mail.text).toContain('Harrastus kenelle: Lapselleni tai lapsilleni');
    expect(mail.text).toContain('Tarvitsee apua ilmoittautumisessa: Kyllä');
    expect(mail.text).not.toContain('Олена');
  });
});
