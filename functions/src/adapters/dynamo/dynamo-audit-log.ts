import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog, FormAuditEntry, MunicipalityAuditEntry, StaffAuditEntry } from '../../domain/ports.js';
import { storeCall } from './store-errors.js';
import { queryAll, queryPages } from './query-all.js';
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
    // TTL deletes late (and dynalite never), so reads treat an expired entry as gone.
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'expiresAt > :now',
      ExpressionAttributeValues: { ':pk': `AUDIT#${reference}`, ':now': epoch(now) },
    });
    return items.map(
      ({ reference: r, at, actor, action, detail, expiresAt }) => ({ reference: r, at, actor, action, detail, expiresAt }) as AuditEntry,
    );
  }

  async erase(reference: string): Promise<number> {
    let erased = 0;
    const pages = queryPages(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${reference}` },
      ProjectionExpression: 'pk, sk',
    });
    for await (const page of pages)
      for (const key of page) {
        await storeCall(() => this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: key['pk'], sk: key['sk'] } })));
        erased++;
      }
    return erased;
  }
}
