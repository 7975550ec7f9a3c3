import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Submission } from '../../domain/submission.js';
import { epoch } from '../../domain/epoch.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { DUE, HELD, evidencePartition, fromItem, inboxPartition, subKey } from './submission-items.js';
import { INDEX } from './table.js';

type Receipt = { reference: string; submittedAt: string };
const identicalKey = (key: string) => ({ pk: `IDENT#${key}`, sk: 'IDENT' });

/**
 * Identical submissions as one case (docs/data-model.md, **Identical submissions**): the group item names the first
 * case until it expires; a later one adds to that case's count, on condition that it is that group's case.
 */
export async function joinIdentical(
  db: DynamoDBDocumentClient,
  table: string,
  key: string,
  first: Receipt,
  now: Date,
  until: number,
): Promise<Receipt | undefined> {
  try {
    await storeCall(() =>
      db.send(
        new PutCommand({
          TableName: table,
          Item: { ...identicalKey(key), type: 'identical', ...first, expiresAt: until },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': epoch(now) },
        }),
      ),
    );
    return undefined;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  const { Item } = await storeCall(() => db.send(new GetCommand({ TableName: table, Key: identicalKey(key), ConsistentRead: true })));
  if (!Item) return undefined;
  const group = { reference: Item['reference'] as string, submittedAt: Item['submittedAt'] as string };
  try {
    await storeCall(() =>
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: subKey(group.reference),
          UpdateExpression: 'SET identical = if_not_exists(identical, :one) + :one',
          ConditionExpression: 'identicalKey = :key AND expiresAt > :now',
          ExpressionAttributeValues: { ':one': 1, ':key': key, ':now': epoch(now) },
        }),
      ),
    );
    return group;
  } catch (e) {
    // The first case is not stored (yet, or ever): this one becomes a case of its own.
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** Held submissions, newest first: one query on the index partition they have instead of a municipality's. */
export async function listHeld(db: DynamoDBDocumentClient, table: string, now: Date, limit: number): Promise<Submission[]> {
  const { Items = [] } = await storeCall(() =>
    db.send(
      new QueryCommand({
        TableName: table,
        IndexName: INDEX.byMunicipality.name,
        KeyConditionExpression: '#pk = :held',
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeNames: { '#pk': INDEX.byMunicipality.pk },
        ExpressionAttributeValues: { ':held': HELD, ':now': epoch(now) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return Items.map((item) => fromItem<Submission>(item));
}

/**
 * Moves a held submission into its municipality's inbox and the outbox, with its form's retention: one conditional
 * write. Evidence (not a case) goes to the municipality's evidence instead, with its notification settled.
 */
export async function releaseHeld(
  db: DynamoDBDocumentClient,
  table: string,
  reference: string,
  release: { municipality: string; dueAt: string; expiresAt: number; evidence?: boolean },
  now: Date,
): Promise<Submission | undefined> {
  const names: Record<string, string> = { '#inbox': INDEX.byMunicipality.pk };
  const values: Record<string, unknown> = { ':expires': release.expiresAt, ':now': epoch(now) };
  let update: string;
  if (release.evidence) {
    update = 'SET #inbox = :evidence, notification = :state, expiresAt = :expires REMOVE spam';
    Object.assign(values, { ':evidence': evidencePartition(release.municipality), ':state': { state: 'sent', attempts: 0, sentTo: [] } });
  } else {
    update = 'SET #inbox = :inbox, #out = :due, #at = :dueAt, notification = :state, expiresAt = :expires REMOVE spam';
    Object.assign(names, { '#out': INDEX.outbox.pk, '#at': INDEX.outbox.sk });
    Object.assign(values, {
      ':inbox': inboxPartition(release.municipality),
      ':due': DUE,
      ':dueAt': release.dueAt,
      ':state': { state: 'pending', attempts: 0, dueAt: release.dueAt },
    });
  }
  try {
    const { Attributes } = await storeCall(() =>
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: subKey(reference),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(spam) AND expiresAt > :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return fromItem<Submission>(Attributes!);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}
