import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StaffDirectory } from '../../domain/ports.js';
import { normaliseEmail, type StaffMember } from '../../domain/staff/staff-member.js';
import { storeCall } from './store-errors.js';

const key = (email: string) => ({ pk: `STAFF#${normaliseEmail(email)}`, sk: 'STAFF' });

/** The staff directory as items in the table: one per person, keyed by email. */
export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(email: string): Promise<StaffMember | undefined> {
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: key(email) })));
    if (!Item) return undefined;
    const { email: e, name, role, municipalities } = Item as StaffMember;
    return { email: e, name, role, municipalities };
  }

  async put(member: StaffMember): Promise<void> {
    const email = normaliseEmail(member.email);
    await storeCall(() =>
      this.db.send(new PutCommand({ TableName: this.table, Item: { ...key(email), type: 'staff', ...member, email } })),
    );
  }

  async remove(email: string): Promise<boolean> {
    const { Attributes } = await storeCall(() =>
      this.db.send(new DeleteCommand({ TableName: this.table, Key: key(email), ReturnValues: 'ALL_OLD' })),
    );
    return Attributes !== undefined;
  }
}
