import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { epoch } from '../../domain/epoch.js';
import type { SearchEntry, SearchIndex } from '../../domain/ports.js';
import { storeCall } from './store-errors.js';

const searchPk = (municipality: string, key: string) => `SEARCH#${municipality}#${key}`;

/**
 * Search keys as items of their own: `SEARCH#<municipality>#<sha256(token)>` / `<submittedAt>#<reference>`, expiring
 * with their submission (docs/data-model.md). Each is one idempotent put; a search is one query per key.
 */
export class DynamoSearchIndex implements SearchIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(entries: SearchEntry[]): Promise<void> {
    await Promise.all(
      entries.map((e) =>
        storeCall(() =>
          this.db.send(
            new PutCommand({
              TableName: this.table,
              Item: {
                pk: searchPk(e.municipality, e.key),
                sk: `${e.submittedAt}#${e.reference}`,
                type: 'search',
                reference: e.reference,
                expiresAt: e.expiresAt,
              },
            }),
          ),
        ),
      ),
    );
  }

  async remove(entries: Omit<SearchEntry, 'expiresAt'>[]): Promise<void> {
    await Promise.all(
      entries.map((e) =>
        storeCall(() =>
          this.db.send(
            new DeleteCommand({
              TableName: this.table,
              Key: { pk: searchPk(e.municipality, e.key), sk: `${e.submittedAt}#${e.reference}` },
            }),
          ),
        ),
      ),
    );
  }

  async find(municipality: string, key: string, now: Date, limit: number): Promise<string[]> {
    const { Items = [] } = await storeCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'expiresAt > :now',
          ExpressionAttributeValues: { ':pk': searchPk(municipality, key), ':now': epoch(now) },
          ProjectionExpression: '#ref',
          ExpressionAttributeNames: { '#ref': 'reference' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return Items.map((item) => item['reference'] as string);
  }
}
