import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson, storedSubmissions } from '../support/test-app.js';
import { report, runs, TIMEOUT } from './stress-runs.js';

useDynalite();

const SUBMIT = '/api/forms/guidance/submissions';

describe('50 identical requests at once with one Idempotency-Key', () => {
  it(
    'store one submission, answer every one 201 with the same reference, and mail staff once',
    async () => {
      const t = await buildTestApp();
      const figures = { rounds: 0, requests: 0, answered201: 0, stored: 0, staffMails: 0 };
      for (let round = 0; round < runs(2, 20); round++) {
        const key = `burst-key-${round}-0123456789`;
        // From 50 addresses (a phone retrying through changing networks), so none is held back by the rate limit.
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            postJson(t.app, SUBMIT, guidanceBody(), { 'idempotency-key': key, 'x-test-client': `203.0.${round}.${i + 1}` }),
          ),
        );
        const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, ...((await r.json()) as { reference?: string }) })));
        figures.rounds++;
        figures.requests += bodies.length;
        figures.answered201 += bodies.filter((b) => b.status === 201).length;
        expect(bodies.map((b) => b.status)).toEqual(Array(50).fill(201));
        expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
        const stored = (await storedSubmissions(t)).filter((s) => s['reference'] === bodies[0]!.reference);
        expect(stored).toHaveLength(1);
      }
      const all = await storedSubmissions(t);
      figures.stored = all.length;
      expect(all).toHaveLength(runs(2, 20));

      await notifyStaff(t.deps.notify, 100);
      const staffMails = t.mailer.sent.map((m) => `${m.headers?.['X-Koto-Reference']} → ${m.to.join(',')}`);
      figures.staffMails = staffMails.length;
      report('idempotency burst', figures);
      expect(new Set(staffMails).size).toBe(staffMails.length);
      // Each submission's routed mailboxes (two in Heinola for this form), once each.
      expect(staffMails).toHaveLength(2 * all.length);
    },
    TIMEOUT,
  );

  it(
    'from one address: the rate limit answers 429 past its limit, every 201 names the one stored submission',
    async () => {
      const t = await buildTestApp();
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          postJson(t.app, SUBMIT, guidanceBody(), { 'idempotency-key': 'one-address-burst-key', 'x-test-client': '203.0.113.50' }),
        ),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
      const references = await Promise.all(
        answers.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { reference: string }).reference),
      );
      expect(new Set(references).size).toBe(1);
      expect((await storedSubmissions(t)).map((s) => s['reference'])).toEqual([references[0]]);
    },
    TIMEOUT,
  );
});
