import { DeleteItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoSearchIndex } from '../../functions/src/adapters/dynamo/dynamo-search-index.js';
import { DynamoSubmissionStore } from '../../functions/src/adapters/dynamo/dynamo-submission-store.js';
import { runFormsCommand } from '../../functions/src/entry/forms-cli.js';
import { useDynalite } from '../support/dynamo.js';
import { HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

async function submit(t: T, answers: Record<string, unknown>, municipality = 'heinola'): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ municipality }, answers));
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

/** Deletes every search key, as if the submissions had been stored before search existed; returns how many there were. */
async function forgetSearchKeys(t: T): Promise<number> {
  let deleted = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await t.table.client.send(new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (!item['pk']?.S?.startsWith('SEARCH#')) continue;
      await t.table.client.send(new DeleteItemCommand({ TableName: t.table.tableName, Key: { pk: item['pk'], sk: item['sk']! } }));
      deleted++;
    }
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return deleted;
}

async function found(t: T, cookie: string, q: string): Promise<string[]> {
  const res = await staffRequest(t, 'GET', `/api/staff/search?q=${encodeURIComponent(q)}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
}

/** `npm run forms -- reindex …` against the test app's table. */
const reindex = (t: T, ...municipalities: string[]) =>
  runFormsCommand(['reindex', ...municipalities], {
    registry: t.deps.app.registry,
    clock: t.clock,
    actor: 'cli:test',
    submissions: {
      store: new DynamoSubmissionStore(t.table.db, t.table.tableName),
      search: new DynamoSearchIndex(t.table.db, t.table.tableName),
    },
  });

describe('the search backfill (npm run forms -- reindex)', () => {
  it('makes submissions stored before their keys findable again, per municipality, and changes nothing when run again', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const olena = await submit(t, {});
    const omar = await submit(t, { fullName: 'Омар Хайям', latinName: 'Omar Khayyam', phone: '050 765 4321' });
    const ori = await submit(t, { fullName: 'Aino Virtanen', latinName: undefined, phone: '044 111 2222' }, 'orimattila');
    const keys = await forgetSearchKeys(t);
    expect(keys).toBeGreaterThan(20);
    const heinola = await signIn(t, HEINOLA);
    const orimattila = await signIn(t, ORIMATTILA);
    expect(await found(t, heinola, 'Kovalenko')).toEqual([]);
    expect(await found(t, heinola, '050 765 4321')).toEqual([]);

    // One municipality named: only its submissions.
    expect(await reindex(t, 'heinola')).toEqual({ lines: ['heinola: 2 submission(s) indexed'], code: 0 });
    expect(await found(t, heinola, 'Kovalenko')).toEqual([olena]);
    expect(await found(t, heinola, 'omar')).toEqual([omar]);
    expect(await found(t, heinola, '+358507654321')).toEqual([omar]);
    expect(await found(t, orimattila, 'Virtanen')).toEqual([]);

    // All of them, twice: the same keys, each submission found once.
    expect((await reindex(t)).lines).toEqual(['heinola: 2 submission(s) indexed', 'orimattila: 1 submission(s) indexed']);
    expect(await reindex(t)).toEqual({ lines: ['heinola: 2 submission(s) indexed', 'orimattila: 1 submission(s) indexed'], code: 0 });
    expect(await forgetSearchKeys(t)).toBe(keys);
    await reindex(t);
    expect(await found(t, orimattila, 'Virtanen')).toEqual([ori]);
    expect(await found(t, heinola, 'Kovalenko')).toEqual([olena]);
  });

  it('refuses an unknown municipality and writes nothing', async () => {
    const t = await buildTestApp();
    await submit(t, {});
    await forgetSearchKeys(t);
    const res = await reindex(t, 'heinola', 'lahti');
    expect(res.code).toBe(2);
    expect(res.lines[0]).toBe('unknown municipality: lahti');
    expect(await forgetSearchKeys(t)).toBe(0);
  });
});
