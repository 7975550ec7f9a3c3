import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound, StoreUnavailable } from '../../domain/errors.js';
import type { SubmissionChange, SubmissionQuery, SubmissionStore } from '../../domain/ports.js';
import type { IdempotencyRecord, NotificationState, Submission } from '../../domain/submission.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';
import { DUE, fromItem, idemKey, outbox, subKey, toItem } from './submission-items.js';
import { listInbox } from './inbox-query.js';
import { joinIdentical, listHeld, releaseHeld } from './held-and-identical.js';
import { INDEX } from './table.js';

const CLAIM_ATTEMPTS = 3;

/** Submissions in one DynamoDB table; each change is a single conditional write (dynalite has no transactions). */
export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claimIdempotencyKey(record: IdempotencyRecord, now: Date): Promise<IdempotencyRecord | undefined> {
    // A claim that is found expired or gone between the put and the read (the sweeper) is claimed again.
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        await storeCall(() =>
          this.db.send(
            new PutCommand({
              TableName: this.table,
              Item: { ...idemKey(record.keyHash), type: 'idempotency', ...record },
              // Expired items linger until swept (no TTL locally, TTL lag in AWS): they count as gone.
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
              ExpressionAttributeValues: { ':now': epoch(now) },
            }),
          ),
        );
        return undefined;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
      const existing = await this.liveClaim(record.keyHash, now);
      if (existing) return existing;
    }
    throw new StoreUnavailable(new Error('the idempotency key kept changing while being claimed'));
  }

  async repointIdempotencyKey(keyHash: string, from: string, to: string): Promise<string> {
    try {
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
      return to;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    // A concurrent request with the same key moved it first: follow it, so both answer the same reference.
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: idemKey(keyHash), ConsistentRead: true })),
    );
    return (Item?.['reference'] as string | undefined) ?? to;
  }

  private async liveClaim(keyHash: string, now: Date): Promise<IdempotencyRecord | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: idemKey(keyHash), ConsistentRead: true })),
    );
    if (!Item || (Item['expiresAt'] as number) <= epoch(now)) return undefined;
    return fromItem<IdempotencyRecord>(Item);
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

  async getSubmission(reference: string, now: Date, options: { includeHeld?: boolean } = {}): Promise<Submission | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: subKey(reference), ConsistentRead: true })),
    );
    if (!Item || (Item['expiresAt'] as number) <= epoch(now)) return undefined;
    // Suspected spam is nobody's case until an admin releases it: staff reads, links and changes do not see it.
    if (Item['spam'] !== undefined && !options.includeHeld) return undefined;
    return fromItem<Submission>(Item);
  }

  joinIdentical(key: string, first: { reference: string; submittedAt: string }, now: Date, until: number) {
    return joinIdentical(this.db, this.table, key, first, now, until);
  }

  listHeld(now: Date, limit: number): Promise<Submission[]> {
    return listHeld(this.db, this.table, now, limit);
  }

  releaseHeld(reference: string, release: { municipality: string; dueAt: string; expiresAt: number; evidence?: boolean }, now: Date) {
    return releaseHeld(this.db, this.table, reference, release, now);
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

  listSubmissions(query: SubmissionQuery, now: Date): Promise<{ items: Submission[]; cursor?: string }> {
    return listInbox(this.db, this.table, query, now);
  }

  async updateSubmission(reference: string, expectedVersion: number, change: SubmissionChange, now: Date): Promise<Submission> {
    const set = ['#version = :next', 'updatedAt = :at', 'history = list_append(if_not_exists(history, :empty), :entries)'];
    const remove: string[] = [];
    const values: Record<string, unknown> = {
      ':next': expectedVersion + 1,
      ':expected': expectedVersion,
      ':at': change.at,
      ':empty': [],
      ':entries': change.history,
      ':now': epoch(now),
    };
    const names: Record<string, string> = { '#version': 'version' };
    if (change.status !== undefined) {
      set.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = change.status;
    }
    if (change.answers !== undefined) {
      set.push('answers = :answers');
      values[':answers'] = change.answers;
    }
    if (change.assignee === null) remove.push('assignee');
    else if (change.assignee !== undefined) {
      set.push('assignee = :assignee');
      values[':assignee'] = change.assignee;
    }
    try {
      const { Attributes } = await storeCall(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: subKey(reference),
            UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(spam) AND #version = :expected AND expiresAt > :now',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return fromItem<Submission>(Attributes!);
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const current = await this.getSubmission(reference, now);
    if (!current) throw new NotFound(`No submission ${reference}.`);
    throw new Conflict(`Submission ${reference} was changed by someone else; reload it.`, current.version);
  }

  async deleteSubmission(reference: string): Promise<Submission | undefined> {
    const { Attributes } = await storeCall(() =>
      this.db.send(new DeleteCommand({ TableName: this.table, Key: subKey(reference), ReturnValues: 'ALL_OLD' })),
    );
    return Attributes ? fromItem<Submission>(Attributes) : undefined;
  }

  async deleteIdempotencyKey(keyHash: string, reference: string): Promise<void> {
    try {
      await storeCall(() =>
        this.db.send(
          new DeleteCommand({
            TableName: this.table,
            Key: idemKey(keyHash),
            ConditionExpression: '#ref = :ref',
            ExpressionAttributeNames: { '#ref': 'reference' },
            ExpressionAttributeValues: { ':ref': reference },
          }),
        ),
      );
    } catch (e) {
      // Gone already, or moved to another reference after a collision: not this submission's to delete.
      if (!isConditionFailure(e)) throw e;
    }
  }

  async assignReportKey(reference: string, key: string): Promise<string | undefined> {
    const result = await storeCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: subKey(reference),
          UpdateExpression: 'SET reportKey = if_not_exists(reportKey, :key)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':key': key },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    ).catch((e: unknown) => {
      if (isConditionFailure(e)) return { Attributes: undefined, gone: true };
      throw e;
    });
    return 'gone' in result ? undefined : ((result.Attributes?.['reportKey'] as string | undefined) ?? key);
  }

  async claimDigestDay(day: string, expiresAt: number): Promise<boolean> {
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { pk: `DIGEST#${day}`, sk: 'DIGEST', type: 'digest', day, expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      return false;
    }
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
