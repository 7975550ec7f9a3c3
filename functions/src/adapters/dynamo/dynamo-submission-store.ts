import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SubmissionStore } from '../../domain/ports.js';
import type { IdempotencyRecord, NotificationState, Submission } from '../../domain/submission.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { INDEX } from './table.js';

const DUE = 'DUE';
const subKey = (reference: string) => ({ pk: `SUB#${reference}`, sk: 'SUB' });
const idemKey = (keyHash: string) => ({ pk: `IDEM#${keyHash}`, sk: 'IDEM' });
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** Outbox attributes: present (and indexed) only while a notification is waiting to be sent. */
function outbox(state: NotificationState): Record<string, string> {
  return state.state === 'pending' && state.dueAt ? { [INDEX.outbox.pk]: DUE, [INDEX.outbox.sk]: state.dueAt } : {};
}

function toItem(s: Submission): Record<string, unknown> {
  return {
    ...subKey(s.reference),
    type: 'submission',
    ...s,
    [INDEX.byMunicipality.pk]: `MUN#${s.municipality}`,
    [INDEX.byMunicipality.sk]: `${s.submittedAt}#${s.reference}`,
    ...outbox(s.notification),
  };
}

/** Attributes that exist for keys and indexes only, not part of the domain record. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'type', INDEX.byMunicipality.pk, INDEX.byMunicipality.sk, INDEX.outbox.pk, INDEX.outbox.sk];

function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_ATTRIBUTES.includes(k))) as T;
}

/** Submissions in one DynamoDB table; each change is a single conditional write (dynalite has no transactions). */
export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claimIdempotencyKey(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...idemKey(record.keyHash), type: 'idempotency', ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return undefined;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: idemKey(record.keyHash), ConsistentRead: true })));
    return Item && fromItem<IdempotencyRecord>(Item);
  }

  async repointIdempotencyKey(keyHash: string, from: string, to: string): Promise<void> {
    await storeCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: idemKey(keyHash),
          UpdateExpression: 'SET #ref = :to',
          ConditionExpression: '#ref = :from',
          ExpressionAttributeNames: { '#ref': 'reference' },
          ExpressionAttributeValues: { ':to': to, ':from': from },
        }),
      ),
    );
  }

  async createSubmission(submission: Submission): Promise<boolean> {
    try {
      await storeCall(() =>
        this.db.send(new PutCommand({ TableName: this.table, Item: toItem(submission), ConditionExpression: 'attribute_not_exists(pk)' })),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async getSubmission(reference: string, now: Date): Promise<Submission | undefined> {
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: subKey(reference), ConsistentRead: true })));
    if (!Item || (Item['expiresAt'] as number) <= epoch(now)) return undefined;
    return fromItem<Submission>(Item);
  }

  async dueNotifications(now: Date, limit: number): Promise<Submission[]> {
    const { Items = [] } = await storeCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: INDEX.outbox.name,
          KeyConditionExpression: '#pk = :due AND #sk <= :now',
          ExpressionAttributeNames: { '#pk': INDEX.outbox.pk, '#sk': INDEX.outbox.sk },
          ExpressionAttributeValues: { ':due': DUE, ':now': now.toISOString() },
          Limit: limit,
        }),
      ),
    );
    return Items.filter((item) => (item['expiresAt'] as number) > epoch(now)).map((item) => fromItem<Submission>(item));
  }

  async leaseNotification(reference: string, seenDueAt: string, leaseUntil: string): Promise<boolean> {
    try {
      await storeCall(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: subKey(reference),
            UpdateExpression: 'SET #sk = :lease, notification.dueAt = :lease',
            ConditionExpression: '#pk = :due AND #sk = :seen',
            ExpressionAttributeNames: { '#pk': INDEX.outbox.pk, '#sk': INDEX.outbox.sk },
            ExpressionAttributeValues: { ':due': DUE, ':seen': seenDueAt, ':lease': leaseUntil },
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async saveNotification(reference: string, state: NotificationState): Promise<void> {
    const pending = outbox(state);
    const update = pending[INDEX.outbox.pk]
      ? { expr: 'SET notification = :state, #pk = :due, #sk = :dueAt', values: { ':due': DUE, ':dueAt': state.dueAt } }
      : { expr: 'SET notification = :state REMOVE #pk, #sk', values: {} };
    await storeCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: subKey(reference),
          UpdateExpression: update.expr,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#pk': INDEX.outbox.pk, '#sk': INDEX.outbox.sk },
          ExpressionAttributeValues: { ':state': state, ...update.values },
        }),
      ),
    );
  }

  async deleteExpired(now: Date): Promise<number> {
    let deleted = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storeCall(() =>
        this.db.send(
          new ScanCommand({
            TableName: this.table,
            FilterExpression: 'expiresAt <= :now',
            ExpressionAttributeValues: { ':now': epoch(now) },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: start,
          }),
        ),
      );
      for (const key of page.Items ?? []) {
        try {
          await storeCall(() =>
            this.db.send(
              new DeleteCommand({
                TableName: this.table,
                Key: { pk: key['pk'], sk: key['sk'] },
                ConditionExpression: 'expiresAt <= :now',
                ExpressionAttributeValues: { ':now': epoch(now) },
              }),
            ),
          );
          deleted++;
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return deleted;
  }
}
