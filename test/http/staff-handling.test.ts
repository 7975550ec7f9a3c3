import { describe, expect, it } from 'vitest';
import { signActionLink, type LinkAction } from '../../functions/src/domain/staff/action-link.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { useDynalite } from '../support/dynamo.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

const MAILBOX = 'kotoutumisohjaaja@heinola.fi';
const COLLEAGUE = 'toinen.ohjaaja@koto.local';

/** The local accounts and a second Heinola colleague. */
async function app() {
  const t = await buildTestApp();
  await seedStaff(t);
  await t.deps.app.staff.put({ email: COLLEAGUE, name: 'Aino Toinen', role: 'staff', municipalities: ['heinola'] });
  return t;
}

async function submit(t: T, municipality = 'heinola'): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }));
  return ((await res.json()) as { reference: string }).reference;
}

/** An action link as the notification mails it to `mailbox`. */
const link = (t: T, reference: string, action: LinkAction, mailbox = MAILBOX) =>
  `/a/${signActionLink(nodeCrypto, 'test-action-secret', { reference, action, mailbox, exp: Math.floor(t.clock.now().getTime() / 1000) + 86_400, status: 'new', seen: 0 })}`;

const stored = async (t: T, reference: string) => (await t.deps.app.store.getSubmission(reference, t.clock.now()))!;
const json = async <X>(res: Response) => (await res.json()) as X;

describe('an emailed action link', () => {
  it('taken by a signed-in member who works on the municipality is theirs: assignee, history and audit name them', async () => {
    const t = await app();
    const ref = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const page = await staffRequest(t, 'GET', link(t, ref, 'claim'), { cookie });
    expect(await page.text()).toContain('toiminto kirjataan sinulle');
    const res = await staffRequest(t, 'POST', link(t, ref, 'claim'), { cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`käsittelijä: ${HEINOLA}`);
    const s = await stored(t, ref);
    expect(s).toMatchObject({ assignee: HEINOLA, status: 'in_progress', version: 2 });
    expect(s.history?.map((h) => h.by)).toEqual([HEINOLA, HEINOLA]);
    expect((await t.deps.app.audit.list(ref, t.clock.now())).map((a) => a.actor)).toEqual([HEINOLA]);
    // Claiming again is harmless.
    expect(await (await staffRequest(t, 'POST', link(t, ref, 'claim'), { cookie })).text()).toContain('Tämä oli jo tehty');
    expect((await stored(t, ref)).version).toBe(2);
    // Marking done is theirs too.
    await staffRequest(t, 'POST', link(t, ref, 'done'), { cookie });
    expect((await stored(t, ref)).history?.at(-1)).toMatchObject({ action: 'status', to: 'done', by: HEINOLA });
  });

  it('taken without a session, or by someone signed in who does not work on the municipality, is the mailbox’s', async () => {
    const t = await app();
    const anonymous = await submit(t);
    await staffRequest(t, 'POST', link(t, anonymous, 'claim'));
    expect(await stored(t, anonymous)).toMatchObject({
      assignee: MAILBOX,
      history: [{ by: `link:${MAILBOX}` }, { by: `link:${MAILBOX}` }],
    });

    const outsider = await submit(t);
    const cookie = await signIn(t, ORIMATTILA);
    await staffRequest(t, 'POST', link(t, outsider, 'claim'), { cookie });
    expect(await stored(t, outsider)).toMatchObject({ assignee: MAILBOX });
    expect((await stored(t, outsider)).history?.[0]?.by).toBe(`link:${MAILBOX}`);

    // A session that has ended counts as none.
    const ended = await submit(t);
    const gone = await signIn(t, COLLEAGUE);
    await staffRequest(t, 'POST', '/api/auth/logout', { cookie: gone });
    await staffRequest(t, 'POST', link(t, ended, 'claim'), { cookie: gone });
    expect(await stored(t, ended)).toMatchObject({ assignee: MAILBOX });
  });

  it('lets a person take over what the shared mailbox claimed, but not what a colleague has', async () => {
    const t = await app();
    const ref = await submit(t);
    await staffRequest(t, 'POST', link(t, ref, 'claim'));
    const cookie = await signIn(t, HEINOLA);
    expect((await staffRequest(t, 'POST', link(t, ref, 'claim'), { cookie })).status).toBe(200);
    expect(await stored(t, ref)).toMatchObject({ assignee: HEINOLA, version: 3 });
    expect((await stored(t, ref)).history?.at(-1)).toMatchObject({ action: 'assign', from: MAILBOX, to: HEINOLA, by: HEINOLA });

    const theirs = await signIn(t, COLLEAGUE);
    const refused = await staffRequest(t, 'POST', link(t, ref, 'claim'), { cookie: theirs });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Toinen käsittelijä');
    expect(await stored(t, ref)).toMatchObject({ assignee: HEINOLA, version: 3 });
  });
});

describe('who handles what, in the inbox', () => {
  it('filters unassigned, mine and a named colleague', async () => {
    const t = await app();
    const [free, mine, theirs, mailbox] = [await submit(t), await submit(t), await submit(t), await submit(t)];
    const cookie = await signIn(t, HEINOLA);
    await staffRequest(t, 'POST', link(t, mine, 'claim'), { cookie });
    await staffRequest(t, 'PATCH', `/api/staff/submissions/${theirs}`, { cookie, body: { assignee: COLLEAGUE, expectedVersion: 1 } });
    await staffRequest(t, 'POST', link(t, mailbox, 'claim'));
    const get = async (q: string) =>
      (await json<{ items: { reference: string }[] }>(await staffRequest(t, 'GET', `/api/staff/submissions?${q}`, { cookie }))).items.map(
        (i) => i.reference,
      );
    expect(await get('assignee=none')).toEqual([free]);
    expect(await get(`assignee=${HEINOLA}`)).toEqual([mine]);
    expect(await get(`assignee=${encodeURIComponent(COLLEAGUE.toUpperCase())}`)).toEqual([theirs]);
    expect(await get(`assignee=${MAILBOX}`)).toEqual([mailbox]);
  });

  it('lists each submission with its email-safe answers in Finnish, and no other answer', async () => {
    const t = await app();
    const ref = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const page = await json<{ items: { reference: string; safeAnswers: { field: string; label: string; display: string }[] }[] }>(
      await staffRequest(t, 'GET', '/api/staff/submissions', { cookie }),
    );
    const item = page.items.find((i) => i.reference === ref)!;
    expect(item.safeAnswers.find((a) => a.field === 'topics')).toEqual({
      field: 'topics',
      label: 'Aiheet',
      display: 'Asuminen, Kelan etuudet',
    });
    expect(item.safeAnswers.map((a) => a.field)).toEqual([
      'topics',
      'preferredLanguage',
      'contactWay',
      'interpreterNeeded',
      'interpreterLanguage',
    ]);
    expect(JSON.stringify(item)).not.toContain('Olena');
    expect(JSON.stringify(item)).not.toContain('123 4567');
  });
});

describe('the detail', () => {
  it('marks the resident’s phone number and email addresses as contacts, and nothing else', async () => {
    const t = await app();
    t.clock.advance(60_000);
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({}, { receiptEmail: 'olena@example.com' }));
    const { reference } = (await res.json()) as { reference: string };
    const cookie = await signIn(t, HEINOLA);
    const { answers } = await json<{ answers: { field: string; contact?: string }[] }>(
      await staffRequest(t, 'GET', `/api/staff/submissions/${reference}`, { cookie }),
    );
    expect(answers.filter((a) => a.contact).map((a) => [a.field, a.contact])).toEqual([
      ['phone', 'tel'],
      ['receiptEmail', 'mailto'],
    ]);
  });
});

describe('one save on the detail page', () => {
  it('changes status, assignee and note in one write with one version; a stale version is 409 and changes nothing', async () => {
    const t = await app();
    const ref = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const res = await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, {
      cookie,
      body: { status: 'waiting_resident', assignee: COLLEAGUE, note: 'Soitin, ei vastannut', expectedVersion: 1 },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'waiting_resident', assignee: COLLEAGUE, version: 2 });
    expect((await stored(t, ref)).history?.map((h) => [h.action, h.by])).toEqual([
      ['status', HEINOLA],
      ['assign', HEINOLA],
      ['note', HEINOLA],
    ]);
    const stale = await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, {
      cookie,
      body: { status: 'done', assignee: null, note: 'Myöhässä', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ error: 'conflict' });
    expect(await stored(t, ref)).toMatchObject({ status: 'waiting_resident', assignee: COLLEAGUE, version: 2 });
    expect((await stored(t, ref)).history).toHaveLength(3);
    // A colleague of another town is no assignee here; nothing is written.
    const wrong = await staffRequest(t, 'PATCH', `/api/staff/submissions/${ref}`, {
      cookie,
      body: { status: 'done', assignee: ORIMATTILA, note: 'Siirto', expectedVersion: 2 },
    });
    expect(wrong.status).toBe(400);
    expect((await stored(t, ref)).version).toBe(2);
  });
});

describe('GET /api/staff/colleagues', () => {
  it('lists by name the people who share one of the caller’s municipalities, names and emails only', async () => {
    const t = await app();
    const heinola = await json<{ colleagues: unknown[] }>(
      await staffRequest(t, 'GET', '/api/staff/colleagues', { cookie: await signIn(t, HEINOLA) }),
    );
    expect(heinola.colleagues).toEqual([
      { email: COLLEAGUE, name: 'Aino Toinen' },
      { email: HEINOLA, name: 'Heinolan kotoutumisohjaaja' },
      { email: ADMIN, name: 'Koto Admin' },
    ]);
    const orimattila = await json<{ colleagues: { email: string }[] }>(
      await staffRequest(t, 'GET', '/api/staff/colleagues', { cookie: await signIn(t, ORIMATTILA) }),
    );
    expect(orimattila.colleagues.map((c) => c.email)).toEqual([ADMIN, ORIMATTILA]);
  });

  it('is 401 without a session and for an ended one', async () => {
    const t = await app();
    const res = await staffRequest(t, 'GET', '/api/staff/colleagues');
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: 'unauthorized' });
    const cookie = await signIn(t, HEINOLA);
    await t.deps.app.staff.remove(HEINOLA);
    expect((await staffRequest(t, 'GET', '/api/staff/colleagues', { cookie })).status).toBe(401);
  });
});
