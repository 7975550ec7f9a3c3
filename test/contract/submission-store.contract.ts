import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionStore } from '../../functions/src/domain/ports.js';
import { Conflict, NotFound } from '../../functions/src/domain/errors.js';
import type { HistoryEntry, IdempotencyRecord, Submission } from '../../functions/src/domain/submission.js';

const T0 = new Date('2026-03-02T08:30:00Z');
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** A stored submission with sensible defaults; override any field. */
export function aSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    reference: 'HEI-AAAA-AAAA',
    formId: 'guidance',
    formVersion: 1,
    municipality: 'heinola',
    lang: 'en',
    answers: { fullName: 'Test Person', topics: ['housing'], nested: { a: [1, 2] } },
    consentVersion: '2026-01',
    submittedAt: T0.toISOString(),
    status: 'new',
    version: 1,
    idempotencyKeyHash: 'key-hash-1',
    notification: { state: 'pending', attempts: 0, dueAt: T0.toISOString() },
    expiresAt: epoch(T0) + 365 * 86_400,
    ...overrides,
  };
}

/** The behaviour every SubmissionStore adapter must have; run it once per adapter. */
export function submissionStoreContract(name: string, makeStore: () => Promise<SubmissionStore>): void {
  describe(`${name} as a SubmissionStore`, () => {
    let store: SubmissionStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    it('creates a submission once and reads it back unchanged', async () => {
      const s = aSubmission();
      expect(await store.createSubmission(s)).toBe(true);
      expect(await store.createSubmission({ ...s, answers: { other: true } })).toBe(false);
      expect(await store.getSubmission(s.reference, T0)).toEqual(s);
    });

    it('treats an expired submission as gone, and deletes it when swept', async () => {
      const s = aSubmission({ expiresAt: epoch(T0) + 60 });
      await store.createSubmission(s);
      await store.createSubmission(aSubmission({ reference: 'HEI-BBBB-BBBB' }));
      const later = new Date(T0.getTime() + 61_000);
      expect(await store.getSubmission(s.reference, later)).toBeUndefined();
      expect(await store.dueNotifications(later, 10)).toHaveLength(1);
      expect(await store.deleteExpired(later)).toBe(1);
      expect(await store.getSubmission('HEI-BBBB-BBBB', later)).toBeDefined();
    });

    it("claims a day's digest once, whoever asks again", async () => {
      const expires = epoch(T0) + 35 * 86_400;
      expect(await store.claimDigestDay('2026-03-02', expires)).toBe(true);
      expect(await store.claimDigestDay('2026-03-02', expires)).toBe(false);
      expect(await store.claimDigestDay('2026-03-03', expires)).toBe(true);
    });

    it('claims an idempotency key once and returns the first record afterwards', async () => {
      const record: IdempotencyRecord = {
        keyHash: 'k1',
        requestHash: 'h1',
        reference: 'HEI-AAAA-AAAA',
        submittedAt: T0.toISOString(),
        expiresAt: epoch(T0) + 100,
      };
      expect(await store.claimIdempotencyKey(record, T0)).toBeUndefined();
      expect(await store.claimIdempotencyKey({ ...record, requestHash: 'h2', reference: 'HEI-CCCC-CCCC' }, T0)).toEqual(record);
      expect(await store.repointIdempotencyKey('k1', 'HEI-AAAA-AAAA', 'HEI-DDDD-DDDD')).toBe('HEI-DDDD-DDDD');
      expect(await store.claimIdempotencyKey(record, T0)).toEqual({ ...record, reference: 'HEI-DDDD-DDDD' });
    });

    it('repoints a key only from where it points, and tells where that is', async () => {
      const record: IdempotencyRecord = {
        keyHash: 'k1',
        requestHash: 'h1',
        reference: 'HEI-AAAA-AAAA',
        submittedAt: T0.toISOString(),
        expiresAt: epoch(T0) + 100,
      };
      await store.claimIdempotencyKey(record, T0);
      expect(await store.repointIdempotencyKey('k1', 'HEI-AAAA-AAAA', 'HEI-DDDD-DDDD')).toBe('HEI-DDDD-DDDD');
      expect(await store.repointIdempotencyKey('k1', 'HEI-AAAA-AAAA', 'HEI-EEEE-EEEE')).toBe('HEI-DDDD-DDDD');
      expect(await store.claimIdempotencyKey(record, T0)).toEqual({ ...record, reference: 'HEI-DDDD-DDDD' });
    });

    it('deletes a submission (erasure) and returns it once; then it is gone', async () => {
      const s = aSubmission();
      await store.createSubmission(s);
      expect(await store.deleteSubmission(s.reference)).toEqual(s);
      expect(await store.getSubmission(s.reference, T0)).toBeUndefined();
      expect(await store.dueNotifications(T0, 10)).toEqual([]);
      expect(await store.deleteSubmission(s.reference)).toBeUndefined();
    });

    it('deletes an idempotency key only while it points at the erased reference', async () => {
      const record: IdempotencyRecord = {
        keyHash: 'k1',
        requestHash: 'h1',
        reference: 'HEI-AAAA-AAAA',
        submittedAt: T0.toISOString(),
        expiresAt: epoch(T0) + 100,
      };
      await store.claimIdempotencyKey(record, T0);
      // Moved to another reference after a collision: someone else's now, kept.
      await store.deleteIdempotencyKey('k1', 'HEI-BBBB-BBBB');
      expect(await store.claimIdempotencyKey({ ...record, requestHash: 'h2' }, T0)).toEqual(record);
      await store.deleteIdempotencyKey('k1', 'HEI-AAAA-AAAA');
      expect(await store.claimIdempotencyKey({ ...record, requestHash: 'h2' }, T0)).toBeUndefined();
      // A key already gone changes nothing and is no error.
      await store.deleteIdempotencyKey('k-none', 'HEI-AAAA-AAAA');
    });

    it('replaces the answers in an update, with the history entry of the correction', async () => {
      const s = aSubmission();
      await store.createSubmission(s);
      const entry: HistoryEntry = { at: T0.toISOString(), by: 'admin@koto.local', action: 'correct', field: 'fullName' };
      const answers = { ...s.answers, fullName: 'Other Name' };
      const updated = await store.updateSubmission(s.reference, 1, { answers, history: [entry], at: T0.toISOString() }, T0);
      expect(updated).toMatchObject({ version: 2, answers, history: [entry], status: 'new' });
      expect((await store.getSubmission(s.reference, T0))?.answers).toEqual(answers);
    });

    it('treats an expired idempotency key as gone: it can be claimed again, by another request', async () => {
      const record: IdempotencyRecord = {
        keyHash: 'k1',
        requestHash: 'h1',
        reference: 'HEI-AAAA-AAAA',
        submittedAt: T0.toISOString(),
        expiresAt: epoch(T0) + 100,
      };
      await store.claimIdempotencyKey(record, T0);
      const later = new Date(T0.getTime() + 100_000);
      const renewed: IdempotencyRecord = {
        ...record,
        requestHash: 'h2',
        reference: 'HEI-CCCC-CCCC',
        submittedAt: later.toISOString(),
        expiresAt: epoch(later) + 100,
      };
      expect(await store.claimIdempotencyKey(renewed, later)).toBeUndefined();
      expect(await store.claimIdempotencyKey(record, later)).toEqual(renewed);
    });

    it('lists submissions newest first, only of the asked municipalities, in pages, without expired ones', async () => {
      const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();
      await store.createSubmission(aSubmission({ reference: 'HEI-AAAA-2222', submittedAt: at(1) }));
      await store.createSubmission(aSubmission({ reference: 'HEI-AAAA-3333', submittedAt: at(3) }));
      await store.createSubmission(aSubmission({ reference: 'HEI-AAAA-4444', submittedAt: at(2), expiresAt: epoch(T0) + 60 }));
      await store.createSubmission(aSubmission({ reference: 'ORI-AAAA-5555', municipality: 'orimattila', submittedAt: at(4) }));
      await store.createSubmission(aSubmission({ reference: 'HEI-AAAA-6666', submittedAt: at(5), status: 'done' }));
      const later = new Date(T0.getTime() + 120_000);
      const refs = (page: { items: Submission[] }) => page.items.map((s) => s.reference);

      expect(refs(await store.listSubmissions({ municipalities: ['heinola'], limit: 10 }, later))).toEqual([
        'HEI-AAAA-6666',
        'HEI-AAAA-3333',
        'HEI-AAAA-2222',
      ]);
      expect(refs(await store.listSubmissions({ municipalities: ['heinola', 'orimattila'], limit: 10 }, later))).toEqual([
        'HEI-AAAA-6666',
        'ORI-AAAA-5555',
        'HEI-AAAA-3333',
        'HEI-AAAA-2222',
      ]);
      expect(refs(await store.listSubmissions({ municipalities: ['heinola'], status: 'new', limit: 10 }, later))).toEqual([
        'HEI-AAAA-3333',
        'HEI-AAAA-2222',
      ]);

      const first = await store.listSubmissions({ municipalities: ['heinola', 'orimattila'], limit: 3 }, later);
      expect(refs(first)).toEqual(['HEI-AAAA-6666', 'ORI-AAAA-5555', 'HEI-AAAA-3333']);
      const second = await store.listSubmissions({ municipalities: ['heinola', 'orimattila'], limit: 3, cursor: first.cursor! }, later);
      expect(refs(second)).toEqual(['HEI-AAAA-2222']);
      expect(second.cursor).toBeUndefined();
    });

    it('updates a submission only at the expected version, appending to its history', async () => {
      const s = aSubmission();
      await store.createSubmission(s);
      const entry: HistoryEntry = { at: T0.toISOString(), by: 'staff@heinola.fi', action: 'status', from: 'new', to: 'in_progress' };
      const updated = await store.updateSubmission(
        s.reference,
        1,
        { status: 'in_progress', assignee: 'staff@heinola.fi', history: [entry], at: T0.toISOString() },
        T0,
      );
      expect(updated).toMatchObject({
        version: 2,
        status: 'in_progress',
        assignee: 'staff@heinola.fi',
        history: [entry],
        updatedAt: T0.toISOString(),
      });
      expect(await store.getSubmission(s.reference, T0)).toEqual(updated);

      const stale = store.updateSubmission(
        s.reference,
        1,
        { status: 'done', history: [{ ...entry, from: 'new', to: 'done' }], at: T0.toISOString() },
        T0,
      );
      await expect(stale).rejects.toBeInstanceOf(Conflict);
      await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
      expect(await store.getSubmission(s.reference, T0)).toEqual(updated);

      const unassigned = await store.updateSubmission(
        s.reference,
        2,
        { assignee: null, history: [{ ...entry, action: 'assign', from: 'staff@heinola.fi', to: null }], at: T0.toISOString() },
        T0,
      );
      expect(unassigned.assignee).toBeUndefined();
      expect(unassigned.history).toHaveLength(2);
    });

    it('refuses to update a submission that does not exist', async () => {
      const change = { status: 'done' as const, history: [], at: T0.toISOString() };
      await expect(store.updateSubmission('HEI-NONE-XXXX', 1, change, T0)).rejects.toBeInstanceOf(NotFound);
    });

    it('lists due notifications oldest first and not those due later', async () => {
      await store.createSubmission(
        aSubmission({ reference: 'HEI-LATE-R222', notification: { state: 'pending', attempts: 1, dueAt: '2026-03-02T09:00:00.000Z' } }),
      );
      await store.createSubmission(
        aSubmission({ reference: 'HEI-SECO-ND22', notification: { state: 'pending', attempts: 0, dueAt: '2026-03-02T08:20:00.000Z' } }),
      );
      await store.createSubmission(
        aSubmission({ reference: 'HEI-FRST-2222', notification: { state: 'pending', attempts: 0, dueAt: '2026-03-02T08:10:00.000Z' } }),
      );
      const due = await store.dueNotifications(T0, 10);
      expect(due.map((s) => s.reference)).toEqual(['HEI-FRST-2222', 'HEI-SECO-ND22']);
    });

    it('leases a due notification to one caller only', async () => {
      const s = aSubmission();
      await store.createSubmission(s);
      const lease = new Date(T0.getTime() + 120_000).toISOString();
      expect(await store.leaseNotification(s.reference, s.notification.dueAt!, lease)).toBe(true);
      expect(await store.leaseNotification(s.reference, s.notification.dueAt!, lease)).toBe(false);
      expect(await store.dueNotifications(T0, 10)).toEqual([]);
      expect((await store.getSubmission(s.reference, T0))?.notification.dueAt).toBe(lease);
    });

    it('takes a sent or failed notification off the due list, and puts a retry back on it', async () => {
      const s = aSubmission();
      await store.createSubmission(s);
      await store.saveNotification(s.reference, { state: 'pending', attempts: 1, lastError: 'x', dueAt: '2026-03-02T08:31:00.000Z' });
      expect(await store.dueNotifications(T0, 10)).toEqual([]);
      expect(await store.dueNotifications(new Date('2026-03-02T08:31:00Z'), 10)).toHaveLength(1);
      await store.saveNotification(s.reference, { state: 'sent', attempts: 2, sentAt: T0.toISOString() });
      expect(await store.dueNotifications(new Date('2026-03-03T00:00:00Z'), 10)).toEqual([]);
      expect((await store.getSubmission(s.reference, T0))?.notification).toEqual({ state: 'sent', attempts: 2, sentAt: T0.toISOString() });
    });

    it('refuses to save a notification for a submission that does not exist', async () => {
      await expect(store.saveNotification('HEI-NONE-XXXX', { state: 'sent', attempts: 1 })).rejects.toThrow();
    });
  });
}
