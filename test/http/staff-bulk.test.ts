import { describe, expect, it } from 'vitest';
import { MAX_BULK, type BulkResult } from '../../schemas/src/index.js';
import { useDynalite } from '../support/dynamo.js';
import { HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const BULK = '/api/staff/submissions/bulk';

async function app(): Promise<T> {
  const t = await buildTestApp();
  await seedStaff(t);
  return t;
}

async function submit(t: T, municipality: string): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }));
  return ((await res.json()) as { reference: string }).reference;
}

describe('a bulk change of several submissions', () => {
  it('rejects them as spam at once, each audited with the spam mark in its history; only the member’s own', async () => {
    const t = await app();
    const [a, b] = [await submit(t, 'heinola'), await submit(t, 'heinola')];
    const other = await submit(t, 'orimattila');
    const cookie = await signIn(t, HEINOLA);
    const res = await staffRequest(t, 'POST', BULK, { cookie, body: { references: [a, b, other, 'HEI-AAAA-AAAA'], action: 'spam' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual<BulkResult>({
      results: [
        { reference: a, outcome: 'changed', version: 2 },
        { reference: b, outcome: 'changed', version: 2 },
        { reference: other, outcome: 'not_found' },
        { reference: 'HEI-AAAA-AAAA', outcome: 'not_found' },
      ],
    });
    for (const reference of [a, b]) {
      const stored = await t.deps.app.store.getSubmission(reference, t.clock.now());
      expect(stored).toMatchObject({ status: 'rejected', version: 2 });
      expect(stored!.history).toEqual([
        expect.objectContaining({ action: 'status', from: 'new', to: 'rejected', by: HEINOLA, spam: true }),
        expect.objectContaining({ action: 'note', note: 'Merkitty roskapostiksi', by: HEINOLA }),
      ]);
      expect(await t.deps.app.audit.list(reference, t.clock.now())).toEqual([
        expect.objectContaining({ actor: HEINOLA, action: 'update', detail: 'status,note' }),
      ]);
    }
    expect((await t.deps.app.store.getSubmission(other, t.clock.now()))?.status).toBe('new');

    // Again: nothing left to change.
    for (const action of ['reject', 'spam']) {
      const again = await staffRequest(t, 'POST', BULK, { cookie, body: { references: [a], action } });
      expect(await again.json()).toEqual({ results: [{ reference: a, outcome: 'unchanged', version: 2 }] });
    }
  });

  it('reports a submission someone changed in between as a conflict, and goes on with the rest', async () => {
    const t = await app();
    const [a, b] = [await submit(t, 'heinola'), await submit(t, 'heinola')];
    const cookie = await signIn(t, HEINOLA);
    const store = t.deps.app.store;
    const update = store.updateSubmission.bind(store);
    let raced = false;
    // Another member takes the first one between the bulk change's read and its write.
    store.updateSubmission = async (reference, expected, change, now) => {
      if (!raced) {
        raced = true;
        await update(reference, expected, { status: 'in_progress', history: [], at: now.toISOString() }, now);
      }
      return update(reference, expected, change, now);
    };
    const res = await staffRequest(t, 'POST', BULK, { cookie, body: { references: [a, b], action: 'spam' } });
    expect(await res.json()).toEqual({
      results: [
        { reference: a, outcome: 'conflict' },
        { reference: b, outcome: 'changed', version: 2 },
      ],
    });
    expect((await store.getSubmission(a, t.clock.now()))?.status).toBe('in_progress');
  });

  it('rejects without a note when the action is reject', async () => {
    const t = await app();
    const a = await submit(t, 'heinola');
    const cookie = await signIn(t, HEINOLA);
    await staffRequest(t, 'POST', BULK, { cookie, body: { references: [a], action: 'reject' } });
    const stored = await t.deps.app.store.getSubmission(a, t.clock.now());
    expect(stored!.history!.map((h) => h.action)).toEqual(['status']);
  });

  it('refuses a body of the wrong shape with 400, anonymous with 401 and cross-site with 403, changing nothing', async () => {
    const t = await app();
    const a = await submit(t, 'heinola');
    const cookie = await signIn(t, HEINOLA);
    const many = Array.from({ length: MAX_BULK + 1 }, (_, i) => `HEI-${String(i).padStart(4, 'A')}-AAAA`);
    for (const body of [
      { references: [a], action: 'delete' },
      { references: [], action: 'spam' },
      { references: [a, a], action: 'spam' },
      { references: many, action: 'spam' },
      { action: 'spam' },
    ]) {
      const res = await staffRequest(t, 'POST', BULK, { cookie, body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await staffRequest(t, 'POST', BULK, { body: { references: [a], action: 'spam' } })).status).toBe(401);
    const crossSite = await staffRequest(t, 'POST', BULK, {
      cookie,
      origin: 'https://evil.example',
      body: { references: [a], action: 'spam' },
    });
    expect(crossSite.status).toBe(403);
    expect((await t.deps.app.store.getSubmission(a, t.clock.now()))?.status).toBe('new');
  });
});
