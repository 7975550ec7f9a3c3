// npm run bench: throughput of the public API in-process on dynalite, each beside a baseline measured in the
// same run (a raw PutItem of the same item, a raw GetItem), so the figures compare like with like.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { bench, describe } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { LOCAL_AWS, startDynalite } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { ensureTable } from '../../functions/src/adapters/dynamo/table.js';
import { buildDeps } from '../../functions/src/entry/build-deps.js';
import { createApp } from '../../functions/src/http/app.js';
import { getFollowing, guidanceBody } from '../support/test-app.js';

const dynamo = await startDynalite();
const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
await ensureTable(client, 'koto-bench');
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
const deps = buildDeps({
  db,
  tableName: 'koto-bench',
  catalog: readCatalog('schemas'),
  mailer: { send: async () => ({ messageId: 'x' }) },
  sms: { send: async () => ({ messageId: 'x' }) },
  mailFrom: 'bench@koto.local',
  publicUrl: 'http://localhost:3000',
  actionSecret: 'bench',
  submissionRateLimit: { limit: 1e9, windowSeconds: 60 },
  clientIp: () => '127.0.0.1',
  log: () => {},
});
await deps.app.registry.start(new Date());
const app = createApp(deps.app);
const body = JSON.stringify(guidanceBody());
const item = { pk: 'SUB#BENCH', sk: 'SUB', ...guidanceBody() };

describe('store a submission', () => {
  bench('baseline: one raw PutItem of the same answers', async () => {
    await db.send(new PutCommand({ TableName: 'koto-bench', Item: { ...item, pk: `SUB#${randomUUID()}` } }));
  });
  bench('POST /api/forms/guidance/submissions', async () => {
    const res = await app.request('/api/forms/guidance/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
  });
  bench('POST with Idempotency-Key', async () => {
    const res = await app.request('/api/forms/guidance/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body,
    });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
  });
});

describe('read a form', () => {
  bench('baseline: one raw GetItem', async () => {
    await db.send(new GetCommand({ TableName: 'koto-bench', Key: { pk: 'SUB#BENCH', sk: 'SUB' } }));
  });
  bench('GET /api/forms/guidance (localized, after its redirect to the version)', async () => {
    const res = await getFollowing(app, '/api/forms/guidance?municipality=heinola&lang=fi');
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  });
});
