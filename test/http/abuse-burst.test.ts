import { describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { STORE_TIMEOUTS, createDocumentClient } from '../../functions/src/adapters/dynamo/table.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson, storedSubmissions } from '../support/test-app.js';

useDynalite();

const SUBMIT = '/api/forms/guidance/submissions';

describe('a burst of submissions from one client', () => {
  it('answers 429 past the limit, never 503, and serves another client meanwhile', async () => {
    const probe = await buildTestApp();
    const endpoint = await probe.table.client.config.endpoint!();
    // The store client as deployed (its timeouts), so requests queueing behind each other would time out as there.
    const db = createDocumentClient(
      { ...LOCAL_AWS, endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}` },
      STORE_TIMEOUTS,
    );
    const t = { ...(await buildTestApp({ db, tableName: probe.table.tableName })), table: probe.table };
    const burst = Array.from({ length: 400 }, () => postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': '203.0.113.7' }));
    const others = Array.from({ length: 5 }, (_, i) => postJson(t.app, SUBMIT, guidanceBody(), { 'x-test-client': `198.51.100.${i + 1}` }));
    const statuses = (await Promise.all(burst)).map((r) => r.status);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    // At most the limit (30) is let through; a store write retried after a slow answer may count twice, never less.
    expect(count(201)).toBeGreaterThan(0);
    expect(count(201)).toBeLessThanOrEqual(30);
    expect(count(429)).toBe(400 - count(201));
    expect((await Promise.all(others)).map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await storedSubmissions(t)).toHaveLength(count(201) + 5);
  }, 60_000);
});
