import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { storeCall } from './store-errors.js';

type Item = Record<string, unknown>;

/** A Query of the one table, without the table's name and the paging key, which `queryPages` fills in. */
export type TableQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Each page of a Query in turn, following `LastEvaluatedKey` to the last (each call through `storeCall`). */
export async function* queryPages(db: DynamoDBDocumentClient, table: string, query: TableQuery): AsyncGenerator<Item[]> {
  let start: Item | undefined;
  do {
    const page = await storeCall(() => db.send(new QueryCommand({ ...query, TableName: table, ExclusiveStartKey: start })));
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Every item a Query finds, all its pages read. */
export async function queryAll(db: DynamoDBDocumentClient, table: string, query: TableQuery): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of queryPages(db, table, query)) items.push(...page);
  return items;
}
