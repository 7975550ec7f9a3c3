import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { LOCAL_AWS, startDynalite, type LocalDynamo } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { ensureTable } from '../../functions/src/adapters/dynamo/table.js';

let local: LocalDynamo | undefined;
let tables = 0;

/** One in-memory dynalite per test file (worker); call at the top level of a test file. */
export function useDynalite(): void {
  beforeAll(async () => {
    local = await startDynalite();
  });
  afterAll(async () => {
    await local?.close();
    local = undefined;
  });
}

/** A fresh, empty table on the file's dynalite, so no test sees another's data. */
export async function freshTable(): Promise<{ db: DynamoDBDocumentClient; client: DynamoDBClient; tableName: string }> {
  if (!local) throw new Error('call useDynalite() at the top of the test file');
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: local.endpoint, maxAttempts: 1 });
  const tableName = `koto-test-${process.pid}-${++tables}`;
  await ensureTable(client, tableName);
  return { client, tableName, db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }) };
}
