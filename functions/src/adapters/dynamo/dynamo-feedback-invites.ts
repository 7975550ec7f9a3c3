import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { epoch } from '../../domain/epoch.js';
import type { FeedbackInvite, FeedbackInviteStore } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';

const inviteKey = (tokenHash: string) => ({ pk: `INVITE#${tokenHash}`, sk: 'INVITE' });

const inviteOf = (item: Record<string, unknown>): FeedbackInvite => ({
  municipality: item['municipality'] as string,
  service: item['service'] as string,
  expiresAt: item['expiresAt'] as number,
});

/** Feedback links as items of their own (`INVITE#<sha256>`): town, service and expiry only; used by a conditional delete. */
export class DynamoFeedbackInvites implements FeedbackInviteStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(tokenHash: string, invite: FeedbackInvite): Promise<void> {
    await storeCall(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...inviteKey(tokenHash), type: 'invite', ...invite },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async find(tokenHash: string, now: Date): Promise<FeedbackInvite | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: inviteKey(tokenHash), ConsistentRead: true })),
    );
    return Item && (Item['expiresAt'] as number) > epoch(now) ? inviteOf(Item) : undefined;
  }

  async consume(tokenHash: string, now: Date): Promise<FeedbackInvite | undefined> {
    try {
      const { Attributes } = await storeCall(() =>
        this.db.send(
          new DeleteCommand({
            TableName: this.table,
            Key: inviteKey(tokenHash),
            ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
            ExpressionAttributeValues: { ':now': epoch(now) },
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      return Attributes ? inviteOf(Attributes) : undefined;
    } catch (e) {
      if (isConditionFailure(e)) return undefined;
      throw e;
    }
  }
}
