import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { createDocumentClient } from '../../functions/src/adapters/dynamo/table.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';
import { StoreFaults, type Fault } from './faults.js';
import { report, runs, TIMEOUT } from './stress-runs.js';

useDynalite();

const SUBMIT = '/api/forms/guidance/submissions';

/** The app over a store client as deployed (three attempts, short timeouts), with faults to switch on. */
async function faultyApp() {
  const probe = await buildTestApp();
  const endpoint = await probe.table.client.config.endpoint!();
  const db = createDocumentClient(
    { ...LOCAL_AWS, endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}` },
    { connectionTimeout: 5_000, requestTimeout: 30_000 },
  );
  const faults = new StoreFaults(db);
  const t = await buildTestApp({ db, tableName: probe.table.tableName });
  // Reads for the checks go round the faults.
  return { ...t, table: probe.table, faults };
}

type T = Awaited<ReturnType<typeof faultyApp>>;

async function items(t: T): Promise<Record<string, any>[]> {
  const all: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.table.db.send(new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start }));
    all.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return all;
}

/**
 * What a submit leaves must always be whole: a submission has all its search keys and, if sent with a key, the
 * key's item naming it; a key's item names its own submission or one not written yet (the retry finishes it);
 * one submission per key. Returns the submissions.
 */
async function expectNoPartialWrite(t: T, searchKeysPerSubmission: number) {
  const all = await items(t);
  const submissions = all.filter((i) => i['type'] === 'submission');
  const byReference = new Map(submissions.map((s) => [s['reference'] as string, s]));
  for (const s of submissions) {
    expect(all.filter((i) => i['type'] === 'search' && i['reference'] === s['reference'])).toHaveLength(searchKeysPerSubmission);
    if (s['idempotencyKeyHash']) expect(all.find((i) => i['pk'] === `IDEM#${s['idempotencyKeyHash']}`)?.['reference']).toBe(s['reference']);
  }
  for (const claim of all.filter((i) => i['type'] === 'idempotency')) {
    const named = byReference.get(claim['reference']);
    if (named) expect(named['idempotencyKeyHash']).toBe(claim['keyHash']);
  }
  const keys = submissions.map((s) => s['idempotencyKeyHash']).filter(Boolean);
  expect(new Set(keys).size).toBe(keys.length);
  return submissions;
}

async function expectUnavailable(res: Response): Promise<void> {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await res.json()) as { error: string }).error).toBe('unavailable');
}

const fault = (kinds: Fault['kind'][]) =>
  fc.record({ at: fc.nat({ max: 12 }), times: fc.integer({ min: 1, max: 4 }), kind: fc.constantFrom(...kinds) });

describe('a submission while the store throttles, drops or loses answers', () => {
  it(
    'answers 201 or 503 with Retry-After, never writes half, and a retry with the same key stores it once',
    async () => {
      const t = await faultyApp();
      const clean = await postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': '192.0.2.1' });
      expect(clean.status).toBe(201);
      const { reference } = (await clean.json()) as { reference: string };
      const perSubmission = (await items(t)).filter((i) => i['type'] === 'search' && i['reference'] === reference).length;
      expect(perSubmission).toBeGreaterThan(0);
      const figures = { requests: 0, answered201: 0, answered503: 0, fiveXxOther: 0, lost: 0, duplicated: 0 };
      let n = 0;

      await fc.assert(
        fc.asyncProperty(fc.array(fault(['throttle', 'network', 'lost-answer']), { minLength: 1, maxLength: 3 }), async (plan) => {
          const key = `stress-key-${++n}`;
          const headers = { 'idempotency-key': key, 'x-test-client': `198.18.${n >> 8}.${n & 255}` };
          t.faults.start(plan);
          const first = await postJson(t.app, SUBMIT, guidanceBody(), headers);
          t.faults.heal();
          figures.requests++;
          if (first.status === 201) figures.answered201++;
          else if (first.status === 503) figures.answered503++;
          else figures.fiveXxOther += first.status >= 500 ? 1 : 0;
          if (first.status === 503) await expectUnavailable(first);
          else expect(first.status).toBe(201);
          await expectNoPartialWrite(t, perSubmission);

          // The client retries with its key once the store is back: the same submission, stored once.
          const again = await postJson(t.app, SUBMIT, guidanceBody(), headers);
          expect(again.status).toBe(201);
          const receipt = (await again.json()) as { reference: string };
          if (first.status === 201) expect(receipt.reference).toBe(((await first.json()) as { reference: string }).reference);
          const stored = (await expectNoPartialWrite(t, perSubmission)).filter((s) => s['reference'] === receipt.reference);
          if (stored.length === 0) figures.lost++;
          expect(stored).toHaveLength(1);
        }),
        { numRuns: runs(15, 150) },
      );
      const submissions = await expectNoPartialWrite(t, perSubmission);
      figures.duplicated = submissions.length - 1 - n;
      report('store faults, with Idempotency-Key', figures);
      expect(submissions).toHaveLength(1 + n);
    },
    TIMEOUT,
  );

  it(
    'without a key: 201 stores exactly one, 503 from a refused call stores none',
    async () => {
      const t = await faultyApp();
      const figures = { requests: 0, answered201: 0, answered503: 0, duplicated: 0, lost: 0 };
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fault(['throttle', 'network', 'lost-answer']), { minLength: 1, maxLength: 3 }), async (plan) => {
          const before = (await items(t)).filter((i) => i['type'] === 'submission').length;
          t.faults.start(plan);
          const res = await postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': `198.19.${++n >> 8}.${n & 255}` });
          t.faults.heal();
          figures.requests++;
          const after = (await expectNoPartialWrite(t, await searchKeysOf(t))).length;
          if (res.status === 201) {
            figures.answered201++;
            if (after - before > 1) figures.duplicated++;
            if (after === before) figures.lost++;
            expect(after - before).toBe(1);
          } else {
            figures.answered503++;
            await expectUnavailable(res);
            // A refused call wrote nothing; a call whose answer was lost may have (the key makes that safe to retry).
            if (plan.every((f) => f.kind !== 'lost-answer')) expect(after).toBe(before);
            else expect(after - before).toBeLessThanOrEqual(1);
          }
        }),
        { numRuns: runs(15, 150) },
      );
      report('store faults, without a key', figures);
    },
    TIMEOUT,
  );

  it(
    'stores one submission when the store wrote it but its answer was lost and the SDK wrote again',
    async () => {
      const t = await faultyApp();
      for (const key of [undefined, 'lost-answer-key']) {
        const before = (await items(t)).filter((i) => i['type'] === 'submission').length;
        // The submission's own put: done, its answer lost; the SDK's retry then finds the reference taken (by itself).
        t.faults.start(
          [{ at: 0, times: 1, kind: 'lost-answer' }],
          (command, input) => command === 'PutItemCommand' && input['Item']?.['type']?.['S'] === 'submission',
        );
        const res = await postJson(t.app, SUBMIT, guidanceBody(), {
          'x-test-client': '192.0.2.7',
          ...(key ? { 'idempotency-key': key } : {}),
        });
        t.faults.heal();
        expect(res.status).toBe(201);
        const { reference } = (await res.json()) as { reference: string };
        const after = (await items(t)).filter((i) => i['type'] === 'submission');
        expect(after.map((s) => s['reference'])).toContain(reference);
        expect(after).toHaveLength(before + 1);
      }
    },
    TIMEOUT,
  );

  it(
    'answers the staff and form reads with 503 and Retry-After while the store is down, and serves again after',
    async () => {
      const t = await faultyApp();
      t.faults.start([{ at: 0, times: 1_000_000, kind: 'network' }]);
      await expectUnavailable(await postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': '192.0.2.9' }));
      await expectUnavailable(await postJson(t.app, '/api/auth/login', { email: 'admin@koto.local' }, { origin: 'http://localhost:3000' }));
      t.faults.heal();
      expect((await postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': '192.0.2.9' })).status).toBe(201);
    },
    TIMEOUT,
  );
});

async function searchKeysOf(t: T): Promise<number> {
  const all = await items(t);
  const one = all.find((i) => i['type'] === 'submission');
  return one ? all.filter((i) => i['type'] === 'search' && i['reference'] === one['reference']).length : 0;
}
