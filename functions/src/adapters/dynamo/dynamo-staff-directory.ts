import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StaffDirectory } from '../../domain/ports.js';
import { normaliseEmail, type StaffMember, type StaffRecord } from '../../domain/staff/staff-member.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { queryAll } from './query-all.js';
import { INDEX } from './table.js';

const key = (email: string) => ({ pk: `STAFF#${normaliseEmail(email)}`, sk: 'STAFF' });
/** Every member's item carries this index key, so one query on the index lists the directory (docs/data-model.md). */
const LIST_KEY = 'STAFF';

function toRecord(item: Record<string, unknown>): StaffRecord {
  const { email, name, role, municipalities, since } = item as unknown as StaffRecord;
  return { email, name, role, municipalities, ...(since ? { since } : {}) };
}

/** The staff directory as items in the table: one per person, keyed by email, listed through the `byMunicipality` index. */
export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(email: string): Promise<StaffRecord | undefined> {
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: key(email) })));
    return Item ? toRecord(Item) : undefined;
  }

  async list(): Promise<StaffRecord[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEX.byMunicipality.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEX.byMunicipality.pk },
      ExpressionAttributeValues: { ':pk': LIST_KEY },
    });
    return items.map(toRecord);
  }

  /** One update: the member's fields, the index key, and (given `at`) `since` only if the person was not there already. */
  async put(member: StaffMember, at?: string): Promise<void> {
    const email = normaliseEmail(member.email);
    const since = at === undefined ? '' : ', #since = if_not_exists(#since, :at)';
    await storeCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(email),
          UpdateExpression: `SET #type = :type, #email = :email, #name = :name, #role = :role, #municipalities = :municipalities, #gpk = :gpk, #gsk = :email${since}`,
          ExpressionAttributeNames: {
            '#type': 'type',
            '#email': 'email',
            '#name': 'name',
            '#role': 'role',
            '#municipalities': 'municipalities',
            '#gpk': INDEX.byMunicipality.pk,
            '#gsk': INDEX.byMunicipality.sk,
            ...(at === undefined ? {} : { '#since': 'since' }),
          },
          ExpressionAttributeValues: {
            ':type': 'staff',
            ':email': email,
            ':name': member.name,
            ':role': member.role,
            ':municipalities': member.municipalities,
            ':gpk': LIST_KEY,
            ...(at === undefined ? {} : { ':at': at }),
          },
        }),
      ),
    );
  }

  async remove(email: string): Promise<StaffRecord | undefined> {
    const { Attributes } = await storeCall(() =>
      this.db.send(new DeleteCommand({ TableName: this.table, Key: key(email), ReturnValues: 'ALL_OLD' })),
    );
    return Attributes ? toRecord(Attributes) : undefined;
  }

  async restore(record: StaffRecord): Promise<boolean> {
    const email = normaliseEmail(record.email);
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              ...key(email),
              type: 'staff',
              ...record,
              email,
              [INDEX.byMunicipality.pk]: LIST_KEY,
              [INDEX.byMunicipality.sk]: email,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}
