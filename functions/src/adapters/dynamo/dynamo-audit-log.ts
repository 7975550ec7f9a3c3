import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog, FormAuditEntry, MunicipalityAuditEntry, StaffAuditEntry } from '../../domain/ports.js';
import { storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';

/** Audit entries in the submission's own partition-to-be: `AUDIT#<reference>`, sorted by time; they expire with it. */
export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async record(entry: AuditEntry | FormAuditEntry | StaffAuditEntry | MunicipalityAuditEntry): Promise<void> {
    await storeCall(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: `AUDIT#${entry.reference}`, sk: `${entry.at}#${randomBytes(4).toString('hex')}`, type: 'audit', ...entry },
        }),
      ),
    );
  }

  async list(reference: string, now: Date): Promise<AuditEntry[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      // TTL deletes late (and dynalite never), so reads treat an expired entry as gone.
      const page = await storeCall(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: 'expiresAt > :now',
            ExpressionAttributeValues: { ':pk': `AUDIT#${reference}`, ':now': epoch(now) },
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.map(
      ({ reference: r, at, actor, action, detail, expiresAt }) => ({ reference: r, at, actor, action, detail, expiresAt }) as AuditEntry,
    );
  }

  async erase(reference: string): Promise<number> {
    let erased = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storeCall(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `AUDIT#${reference}` },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: start,
          }),
        ),
      );
      for (const key of page.Items ?? []) {
        await storeCall(() => this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: key['pk'], sk: key['sk'] } })));
        erased++;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return erased;
  }
}
