import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionStore } from '../../functions/src/domain/ports.js';
import type { IdempotencyRecord, Submission } from '../../functions/src/domain/submission.js';

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
    requestHash: 'hash-1',
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
      expect(await store.createSubmission({ ...s, requestHash: 'other' })).toBe(false);
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

    it('claims an idempotency key once and returns the first record afterwards', async () => {
      const record: IdempotencyRecord = { keyHash: 'k1', requestHash: 'h1', reference: 'HEI-AAAA-AAAA', submittedAt: T0.toISOString(), expiresAt: epoch(T0) + 100 };
      expect(await store.claimIdempotencyKey(record)).toBeUndefined();
      expect(await store.claimIdempotencyKey({ ...record, requestHash: 'h2', reference: 'HEI-CCCC-CCCC' })).toEqual(record);
      await store.repointIdempotencyKey('k1', 'HEI-AAAA-AAAA', 'HEI-DDDD-DDDD');
      expect(await store.claimIdempotencyKey(record)).toEqual({ ...record, reference: 'HEI-DDDD-DDDD' });
    });

    it('lists due notifications oldest first and not those due later', async () => {
      await store.createSubmission(aSubmission({ reference: 'HEI-LATE-R222', notification: { state: 'pending', attempts: 1, dueAt: '2026-03-02T09:00:00.000Z' } }));
      await store.createSubmission(aSubmission({ reference: 'HEI-SECO-ND22', notification: { state: 'pending', attempts: 0, dueAt: '2026-03-02T08:20:00.000Z' } }));
      await store.createSubmission(aSubmission({ reference: 'HEI-FRST-2222', notification: { state: 'pending', attempts: 0, dueAt: '2026-03-02T08:10:00.000Z' } }));
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
