import { describe, expect, it } from 'vitest';
import { backoffMs, notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, catalog, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

const HOBBY_VERSION = catalog.forms.find((f) => f.id === 'hobby')!.version;

/** A guidance submission of a resident in `municipality`; answers override the defaults (a phone call, +358 40 123 4567). */
async function send(t: Awaited<ReturnType<typeof buildTestApp>>, municipality: string, answers: Record<string, unknown> = {}, lang = 'en') {
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality, lang }, answers));
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string; confirmationBy: string[] };
}

describe('a confirmation for everyone', () => {
  it('texts a resident who gave a phone in a town that sends SMS: reference, what happens next, the town phone', async () => {
    const t = await buildTestApp();
    const { reference, confirmationBy } = await send(t, 'heinola', { phone: '٠٤٠ ١٢٣ ٤٥٦٧' }, 'ar');
    expect(confirmationBy).toEqual(['sms']);
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 1, failed: 0 });
    expect(t.sms.sent).toHaveLength(1);
    const sms = t.sms.sent[0]!;
    expect(sms.to).toBe('+358401234567');
    expect(sms.reference).toBe(reference);
    expect(sms.text).toContain(reference);
    expect(sms.text).toContain('+358 44 469 4372');
    // The guidance form's own next step in Arabic, with Heinola's walk-in day from its data.
    const next = catalog.forms
      .find((f) => f.id === 'guidance')!
      .texts.ar!.next.split('{{')[0]!
      .trim();
    expect(sms.text).toContain(next);
    expect(sms.text).not.toContain('{{');
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored?.notification.sentTo).toContain('resident-sms');
    // Sent once: a second run finds nothing due.
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 0 });
    expect(t.sms.sent).toHaveLength(1);
  });

  it('sends no SMS where the town has not switched it on, and says so in the receipt', async () => {
    const t = await buildTestApp();
    const { confirmationBy } = await send(t, 'orimattila');
    expect(confirmationBy).toEqual([]);
    await notifyStaff(t.deps.notify);
    expect(t.sms.sent).toEqual([]);
    expect(t.mailer.sent.every((m) => !m.to.includes('resident'))).toBe(true);
  });

  it('mails a receipt to anyone who asks for one, with this form’s next steps, beside the SMS', async () => {
    const t = await buildTestApp();
    const { reference, confirmationBy } = await send(t, 'heinola', { receiptEmail: 'olena@example.com' });
    expect(confirmationBy).toEqual(['email', 'sms']);
    await notifyStaff(t.deps.notify);
    const receipt = t.mailer.sent.find((m) => m.to.includes('olena@example.com'));
    expect(receipt?.subject).toContain(reference);
    expect(receipt?.text).toContain('An integration advisor contacts you the way you chose');
    expect(receipt?.text).toContain('Heinola has walk-in hours every Tuesday');
    expect(t.sms.sent).toHaveLength(1);
  });

  it('ignores "email me a receipt" when the resident chose email anyway (the question is hidden then)', async () => {
    const t = await buildTestApp();
    const { confirmationBy } = await send(t, 'heinola', {
      contactWay: 'email',
      phone: undefined,
      email: 'a@example.com',
      receiptEmail: 'b@example.com',
    });
    expect(confirmationBy).toEqual(['email']);
    await notifyStaff(t.deps.notify);
    expect(t.mailer.sent.some((m) => m.to.includes('b@example.com'))).toBe(false);
    expect(t.mailer.sent.some((m) => m.to.includes('a@example.com'))).toBe(true);
  });

  it('retries a failed SMS with backoff without mailing staff twice', async () => {
    const t = await buildTestApp();
    await send(t, 'heinola');
    t.sms.failWith = new Error('gateway down');
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 0, failed: 1 });
    const staffMails = t.mailer.sent.length;
    t.sms.failWith = undefined;
    t.clock.advance(backoffMs(1));
    expect(await notifyStaff(t.deps.notify)).toEqual({ sent: 1, failed: 0 });
    expect(t.mailer.sent).toHaveLength(staffMails);
    expect(t.sms.sent).toHaveLength(1);
  });
});

describe('digits from any keyboard on the server', () => {
  it('accepts a phone number and a year in Arabic and Persian digits, and stores them in ASCII', async () => {
    const t = await buildTestApp();
    const { reference } = await send(t, 'heinola', { phone: '+٣٥٨ ٤٠ ١٢٣ ٤٥٦٧', birthYear: '۱۹۸۵' });
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored?.answers['phone']).toBe('+358 40 123 4567');
    expect(stored?.answers['birthYear']).toBe(1985);
  });

  it('refuses a year that is not a number with a message asking for digits', async () => {
    const t = await buildTestApp();
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, { birthYear: 'nineteen' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors).toEqual([
      { path: '/answers/birthYear', keyword: 'type', message: expect.stringMatching(/^Year of birth.*: write a number in digits/) },
    ]);
  });
});

describe('a year in another calendar', () => {
  it('refuses a Buddhist-era birth year (2528) with a hint to write the Western year, in Thai', async () => {
    const t = await buildTestApp();
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ lang: 'th' }, { birthYear: 2528 }));
    expect(res.status).toBe(400);
    const [error] = ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(error).toMatchObject({ path: '/answers/birthYear', message: expect.stringContaining('ไม่ใช่ปี พ.ศ.') });
  });
});

describe('children on the hobby form', () => {
  const hobby = (answers: Record<string, unknown>) => ({
    municipality: 'orimattila',
    lang: 'uk',
    formVersion: HOBBY_VERSION,
    answers: {
      hobbyFor: 'child',
      helpRegistering: true,
      fullName: 'Оксана Петренко',
      preferredLanguage: 'uk',
      contactWay: 'phone',
      phone: '040 123 4567',
      consent: true,
      ...answers,
    },
  });

  it('asks for at least one child, and names the child whose answer is missing', async () => {
    const t = await buildTestApp();
    const none = await postJson(t.app, '/api/forms/hobby/submissions', hobby({}));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['/answers/children']);
    const second = await postJson(
      t.app,
      '/api/forms/hobby/submissions',
      hobby({ children: [{ childFirstName: 'Олена', childAge: 7, childInterests: ['music'] }, { childFirstName: 'Марко' }] }),
    );
    const errors = ((await second.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['/answers/children/1/childAge', '/answers/children/1/childInterests']);
    expect(errors[0]!.message).toMatch(/^Дитина 2: /);
  });

  it('stores each child with their own interests, ages typed in any digits', async () => {
    const t = await buildTestApp();
    const children = [
      { childFirstName: 'Олена', childLatinName: 'Olena', childAge: '٧', childInterests: ['music', 'arts'] },
      { childFirstName: 'Марко', childAge: 12, childInterests: ['sports'] },
    ];
    const res = await postJson(t.app, '/api/forms/hobby/submissions', hobby({ children }));
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
    expect(stored?.answers['children']).toEqual([{ ...children[0], childAge: 7 }, children[1]]);
  });
});
