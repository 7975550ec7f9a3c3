import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthStore, Session } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';

const loginKey = (hash: string) => ({ pk: `LOGIN#${hash}`, sk: 'LOGIN' });
/** The newest sign-in token of an address: only that one is honoured, so a new link voids the older unused ones. */
const currentLoginKey = (email: string) => ({ pk: `LOGINS#${email}`, sk: 'NEWEST' });
const sessionKey = (hash: string) => ({ pk: `SESSION#${hash}`, sk: 'SESSION' });

/**
 * Sign-in tokens and sessions, stored by hash only; a token is consumed by a conditional delete (single use) and
 * counts only while it is its address's newest.
 */
export class DynamoAuthStore implements AuthStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async saveLoginToken(tokenHash: string, email: string, expiresAt: number): Promise<void> {
    await storeCall(() =>
      this.db.send(new PutCommand({ TableName: this.table, Item: { ...loginKey(tokenHash), type: 'login', email, expiresAt } })),
    );
    // Written after the token, so a failure in between leaves the older links working rather than none.
    await storeCall(() =>
      this.db.send(
        new PutCommand({ TableName: this.table, Item: { ...currentLoginKey(email), type: 'login-current', tokenHash, expiresAt } }),
      ),
    );
  }

  async consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined> {
    try {
      const { Attributes } = await storeCall(() =>
        this.db.send(
          new DeleteCommand({
            TableName: this.table,
            Key: loginKey(tokenHash),
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      if (!Attributes || (Attributes['expiresAt'] as number) <= epoch(now)) return undefined;
      const email = Attributes['email'] as string;
      const { Item } = await storeCall(() =>
        this.db.send(new GetCommand({ TableName: this.table, Key: currentLoginKey(email), ConsistentRead: true })),
      );
      // A newer link was mailed since: this one was voided by it.
      return Item?.['tokenHash'] === tokenHash ? email : undefined;
    } catch (e) {
      if (isConditionFailure(e)) return undefined;
      throw e;
    }
  }

  async saveSession(session: Session): Promise<void> {
    await storeCall(() =>
      this.db.send(new PutCommand({ TableName: this.table, Item: { ...sessionKey(session.idHash), type: 'session', ...session } })),
    );
  }

  async getSession(idHash: string, now: Date): Promise<Session | undefined> {
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: sessionKey(idHash) })));
    if (!Item || (Item['expiresAt'] as number) <= epoch(now)) return undefined;
    return { idHash, email: Item['email'] as string, createdAt: Item['createdAt'] as string, expiresAt: Item['expiresAt'] as number };
  }

  async deleteSession(idHash: string): Promise<void> {
    await storeCall(() => this.db.send(new DeleteCommand({ TableName: this.table, Key: sessionKey(idHash) })));
  }
}
