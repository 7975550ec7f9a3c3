import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The one table's key attributes and the attribute AWS deletes expired items by (see docs/data-model.md). */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'expiresAt' } as const;

/** Index names and key attributes of the one table; `infra/constructs/koto-table.ts` declares the table from these. */
export const INDEX = {
  outbox: { name: 'outbox', pk: 'outboxPk', sk: 'notifyAt' },
  byMunicipality: { name: 'byMunicipality', pk: 'gsi1pk', sk: 'gsi1sk' },
} as const;

/** How long one attempt may take to connect, and to connect and get its whole answer (milliseconds). */
export interface StoreTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
}

/**
 * A single-item call answers in milliseconds; 3 attempts of at most 2 s plus backoff stay well inside the API
 * function's 10 s, so a hung store answers 503 instead of the Lambda timing out with nothing said.
 */
export const STORE_TIMEOUTS: StoreTimeouts = { connectionTimeout: 1_000, requestTimeout: 2_000 };

/** A DynamoDB client with short timeouts, so a dead or hung store fails fast (the local server's too). */
export function createStoreClient(config: DynamoDBClientConfig = {}, timeouts: StoreTimeouts = STORE_TIMEOUTS): DynamoDBClient {
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes, and keeps waiting.
  return new DynamoDBClient({ maxAttempts: 3, requestHandler: { ...timeouts, throwOnRequestTimeout: true }, ...config });
}

/** The document client the stores use over `client`: plain JavaScript values, undefined ones dropped. */
export function toDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** A document client with short timeouts (see `createStoreClient`). */
export function createDocumentClient(config: DynamoDBClientConfig = {}, timeouts: StoreTimeouts = STORE_TIMEOUTS): DynamoDBDocumentClient {
  return toDocumentClient(createStoreClient(config, timeouts));
}

/** Creates the table with its indexes unless it exists (local server and tests; AWS uses infra/). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  const gsi = (index: { name: string; pk: string; sk: string }) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.pk, KeyType: 'HASH' as const },
      { AttributeName: index.sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        TABLE_KEYS.partitionKey,
        TABLE_KEYS.sortKey,
        INDEX.outbox.pk,
        INDEX.outbox.sk,
        INDEX.byMunicipality.pk,
        INDEX.byMunicipality.sk,
      ].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [gsi(INDEX.outbox), gsi(INDEX.byMunicipality)],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 1 }, { TableName: tableName });
}
