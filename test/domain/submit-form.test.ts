import { describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../functions/src/domain/errors.js';
import type { Crypto, SubmissionStore } from '../../functions/src/domain/ports.js';
import { newReference } from '../../schemas/src/reference.js';
import { createApp } from '../../functions/src/http/app.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

const SUBMIT = '/api/forms/guidance/submissions';
type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
type Receipt = { reference: string; submittedAt: string };

/** The real store, with `before` run ahead of every call to `method` (to fail it, or to hold it). */
function around(store: SubmissionStore, method: keyof SubmissionStore, before: () => Promise<void>): SubmissionStore {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      const call = (value as (...args: unknown[]) => unknown).bind(target);
      if (prop !== method) return call;
      return async (...args: unknown[]) => {
        await before();
        return call(...args);
      };
    },
  });
}

/** Fails the first call as an unreachable store does; later calls reach the real store. */
function outageOnce(): () => Promise<void> {
  let failed = false;
  return async () => {
    if (failed) return;
    failed = true;
    throw new StoreUnavailable(new Error('injected outage'));
  };
}

/** Holds the first `n` calls until all `n` are waiting, then lets them through together, so they race. */
function together(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived >= n) open();
    await opened;
  };
}

/** Real hashing, with the reference randomness drawn from `draws` (each fills the 7 bytes), then real again. */
function pinnedRandomness(real: Crypto, draws: number[]): Crypto {
  return { ...real, randomBytes: (n) => (draws.length ? new Uint8Array(n).fill(draws.shift()!) : real.randomBytes(n)) };
}

/** The reference a draw gives in Heinola. */
const referenceOf = (draw: number) => newReference('HEI', (n) => new Uint8Array(n).fill(draw));

/** The app over `t`'s table, with its store and crypto swapped. */
function appWith(t: TestApp, parts: { store?: SubmissionStore; crypto?: Crypto }) {
  return createApp({ ...t.deps.app, ...parts });
}

async function stored(t: TestApp) {
  const { items } = await t.deps.app.store.listSubmissions({ municipalities: ['heinola'], limit: 50 }, t.clock.now());
  return items;
}

describe('submitForm with an Idempotency-Key', () => {
  it('finishes on retry when the key was claimed but storing the submission failed', async () => {
    const t = await buildTestApp();
    const app = appWith(t, { store: around(t.deps.app.store, 'createSubmission', outageOnce()) });
    const key = { 'idempotency-key': 'retry-after-503' };

    const failed = await postJson(app, SUBMIT, guidanceBody(), key);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: 'unavailable' });
    expect(await stored(t)).toHaveLength(0);

    t.clock.advance(10_000);
    const retried = await postJson(app, SUBMIT, guidanceBody(), key);
    expect(retried.status).toBe(201);
    const receipt = (await retried.json()) as Receipt;
    expect((await stored(t)).map((s) => s.reference)).toEqual([receipt.reference]);
    expect(await (await postJson(app, SUBMIT, guidanceBody(), key)).json()).toEqual(receipt);
    expect(await stored(t)).toHaveLength(1);
  });

  it('gives concurrent requests with one key and body the same 201, storing one submission', async () => {
    const t = await buildTestApp();
    const n = 5;
    // Every request claims the key at once, then every one tries to store at once: the worst interleaving.
    const store = around(around(t.deps.app.store, 'claimIdempotencyKey', together(n)), 'createSubmission', together(n));
    const app = appWith(t, { store });
    const key = { 'idempotency-key': 'concurrent-tabs-1' };

    const responses = await Promise.all(Array.from({ length: n }, () => postJson(app, SUBMIT, guidanceBody(), key)));
    expect(responses.map((r) => r.status)).toEqual(Array(n).fill(201));
    const receipts = (await Promise.all(responses.map((r) => r.json()))) as Receipt[];
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    expect((await stored(t)).map((s) => s.reference)).toEqual([receipts[0]!.reference]);
  });

  it('does not mistake an earlier submission with the same body, at a colliding reference, for its own', async () => {
    const t = await buildTestApp();
    const earlier = await postJson(appWith(t, { crypto: pinnedRandomness(t.deps.app.crypto, [0]) }), SUBMIT, guidanceBody());
    expect(await earlier.json()).toMatchObject({ reference: referenceOf(0) });

    // The same body with a key: its first reference collides with the earlier one.
    const app = appWith(t, { crypto: pinnedRandomness(t.deps.app.crypto, [0, 1]) });
    const key = { 'idempotency-key': 'same-body-other-person' };
    const res = await postJson(app, SUBMIT, guidanceBody(), key);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt.reference).toBe(referenceOf(1));
    expect(await (await postJson(app, SUBMIT, guidanceBody(), key)).json()).toEqual(receipt);
    expect((await stored(t)).map((s) => s.reference).sort()).toEqual([referenceOf(0), referenceOf(1)].sort());
  });

  it('on retry after a collision left the key pointing at someone else’s submission, stores its own', async () => {
    const t = await buildTestApp();
    await postJson(appWith(t, { crypto: pinnedRandomness(t.deps.app.crypto, [0]) }), SUBMIT, guidanceBody());

    // The key is claimed at the colliding reference, then moving it to a free one fails.
    const flaky = around(t.deps.app.store, 'repointIdempotencyKey', outageOnce());
    const app = appWith(t, { store: flaky, crypto: pinnedRandomness(t.deps.app.crypto, [0, 1]) });
    const key = { 'idempotency-key': 'collided-then-503' };
    expect((await postJson(app, SUBMIT, guidanceBody(), key)).status).toBe(503);

    const retried = await postJson(app, SUBMIT, guidanceBody(), key);
    expect(retried.status).toBe(201);
    const receipt = (await retried.json()) as Receipt;
    expect(receipt.reference).not.toBe(referenceOf(0));
    expect(await (await postJson(app, SUBMIT, guidanceBody(), key)).json()).toEqual(receipt);
    const references = (await stored(t)).map((s) => s.reference);
    expect(references.sort()).toEqual([referenceOf(0), receipt.reference].sort());
  });
});

describe('submitForm reference collisions', () => {
  it('gives a new reference when the generated one is taken, leaving the earlier submission as it was', async () => {
    const t = await buildTestApp();
    const first = await postJson(
      appWith(t, { crypto: pinnedRandomness(t.deps.app.crypto, [0]) }),
      SUBMIT,
      guidanceBody({}, { fullName: 'First Resident' }),
    );
    expect(await first.json()).toMatchObject({ reference: referenceOf(0) });

    const second = await postJson(
      appWith(t, { crypto: pinnedRandomness(t.deps.app.crypto, [0, 1]) }),
      SUBMIT,
      guidanceBody({}, { fullName: 'Second Resident' }),
    );
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ reference: referenceOf(1) });
    expect((await t.deps.app.store.getSubmission(referenceOf(0), t.clock.now()))?.answers['fullName']).toBe('First Resident');
    expect((await t.deps.app.store.getSubmission(referenceOf(1), t.clock.now()))?.answers['fullName']).toBe('Second Resident');
  });
});
