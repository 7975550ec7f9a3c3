import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursor } from '../../domain/errors.js';
import type { SubmissionQuery } from '../../domain/ports.js';
import type { Submission } from '../../domain/submission.js';
import { storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';
import { evidencePartition, fromItem, inboxPartition } from './submission-items.js';
import { INDEX } from './table.js';

type Key = Record<string, string>;
/** Where each municipality's partition continues: after a key, from the `top`, or `null` once read to the end. */
type Cursor = Record<string, Key | 'top' | null>;

const keyOf = (item: Record<string, unknown>): Key => ({
  pk: item['pk'] as string,
  sk: item['sk'] as string,
  [INDEX.byMunicipality.pk]: item[INDEX.byMunicipality.pk] as string,
  [INDEX.byMunicipality.sk]: item[INDEX.byMunicipality.sk] as string,
});

const KEY_ATTRIBUTES = ['pk', 'sk', INDEX.byMunicipality.pk, INDEX.byMunicipality.sk].sort();
const REFERENCE = /^[A-Z0-9]{2,5}(?:-[A-Z0-9]{2,8}){1,3}$/;

/** True when `value` is exactly the index key of a submission item in `municipality`'s partition (and range). */
function isPartitionKey(value: unknown, municipality: string, query: SubmissionQuery): value is Key {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const key = value as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (names.length !== KEY_ATTRIBUTES.length || names.some((n, i) => n !== KEY_ATTRIBUTES[i])) return false;
  if (Object.values(key).some((v) => typeof v !== 'string')) return false;
  const reference = String(key['pk']).replace(/^SUB#/, '');
  const sortKey = String(key[INDEX.byMunicipality.sk]);
  const at = sortKey.slice(0, sortKey.lastIndexOf('#'));
  return (
    key['pk'] === `SUB#${reference}` &&
    REFERENCE.test(reference) &&
    key['sk'] === 'SUB' &&
    key[INDEX.byMunicipality.pk] === partitionOf(municipality, query) &&
    sortKey === `${at}#${reference}` &&
    !Number.isNaN(Date.parse(at)) &&
    new Date(at).toISOString() === at &&
    // DynamoDB refuses a start key outside the key condition (the age filter).
    (!query.submittedBefore || sortKey < query.submittedBefore)
  );
}

/**
 * A cursor this service handed out for this query: a position per municipality the query reads (which are the
 * caller's), each at an exact key of that municipality's partition. Anything else is refused, never queried.
 */
function decodeCursor(text: string, query: SubmissionQuery): Cursor {
  const invalid = new InvalidCursor('The cursor is not valid for this list; start from the first page.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalid;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid;
  const entries = Object.entries(value);
  if (entries.length === 0) throw invalid;
  for (const [municipality, position] of entries) {
    if (!query.municipalities.includes(municipality)) throw invalid;
    if (position !== null && position !== 'top' && !isPartitionKey(position, municipality, query)) throw invalid;
  }
  return value as Cursor;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The index partition a query reads: the municipality's cases (the inbox), or its evidence. */
const partitionOf = (municipality: string, query: SubmissionQuery) =>
  query.evidence ? evidencePartition(municipality) : inboxPartition(municipality);

/** Reads up to `limit` matching items of one municipality, newest first, from `start`. */
async function readPartition(
  db: DynamoDBDocumentClient,
  table: string,
  municipality: string,
  query: SubmissionQuery,
  start: Key | undefined,
  now: Date,
) {
  const names: Record<string, string> = { '#pk': INDEX.byMunicipality.pk };
  const values: Record<string, unknown> = { ':pk': partitionOf(municipality, query), ':now': epoch(now) };
  const filters = ['expiresAt > :now'];
  // Unassigning removes the attribute, so "nobody" is its absence.
  if (query.assignee === null) filters.push('attribute_not_exists(assignee)');
  if (query.notificationFailed) {
    Object.assign(names, { '#notification': 'notification', '#state': 'state' });
    values[':failed'] = 'failed';
    filters.push('#notification.#state = :failed');
  }
  for (const [field, value] of [
    ['status', query.status],
    ['formId', query.formId],
    ['assignee', query.assignee],
  ] as const) {
    if (value === undefined || value === null) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    filters.push(`#${field} = :${field}`);
  }
  if (query.submittedBefore) {
    names['#sk'] = INDEX.byMunicipality.sk;
    values[':before'] = query.submittedBefore;
  }
  const items: Record<string, unknown>[] = [];
  let next: Key | undefined = start;
  do {
    const page = await storeCall(() =>
      db.send(
        new QueryCommand({
          TableName: table,
          IndexName: INDEX.byMunicipality.name,
          KeyConditionExpression: query.submittedBefore ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.max(query.limit * 2, 25),
          ExclusiveStartKey: next,
        }),
      ),
    );
    items.push(...(page.Items ?? []));
    next = page.LastEvaluatedKey as Key | undefined;
  } while (next && items.length < query.limit);
  return { items, more: next !== undefined };
}

/**
 * The staff inbox across several municipalities, newest first: each municipality is its own index partition, so
 * each is read from its own position and the results merged; the cursor keeps every position.
 */
export async function listInbox(
  db: DynamoDBDocumentClient,
  table: string,
  query: SubmissionQuery,
  now: Date,
): Promise<{ items: Submission[]; cursor?: string }> {
  const previous = query.cursor ? decodeCursor(query.cursor, query) : undefined;
  const open = query.municipalities.filter((m) => !previous || (previous[m] !== undefined && previous[m] !== null));
  const startOf = (m: string): Key | undefined => {
    const position = previous?.[m];
    return position && position !== 'top' ? position : undefined;
  };
  const reads = await Promise.all(open.map(async (m) => ({ m, ...(await readPartition(db, table, m, query, startOf(m), now)) })));
  const merged = reads
    .flatMap((r) => r.items.map((item) => ({ m: r.m, item })))
    .sort((a, b) => String(b.item[INDEX.byMunicipality.sk]).localeCompare(String(a.item[INDEX.byMunicipality.sk])));
  const taken = merged.slice(0, query.limit);
  const cursor: Cursor = {};
  for (const read of reads) {
    const mine = taken.filter((t) => t.m === read.m);
    const unfinished = read.items.length > mine.length || read.more;
    cursor[read.m] = !unfinished ? null : mine.length ? keyOf(mine[mine.length - 1]!.item) : (previous?.[read.m] ?? 'top');
  }
  const more = Object.values(cursor).some((v) => v !== null);
  return {
    items: taken.map((t) => fromItem<Submission>(t.item)),
    ...(more ? { cursor: encodeCursor(cursor) } : {}),
  };
}
