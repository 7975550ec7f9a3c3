import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../../domain/ports.js';
import { storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';

export interface RateLimit {
  /** Requests allowed per window and key. */
  limit: number;
  windowSeconds: number;
}

/** Fixed-window counters in the table, shared by every Lambda instance; old windows expire by TTL. */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly rule: RateLimit,
  ) {}

  async hit(key: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const nowSeconds = epoch(now);
    const windowStart = nowSeconds - (nowSeconds % this.rule.windowSeconds);
    const windowEnd = windowStart + this.rule.windowSeconds;
    const { Attributes } = await storeCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `RATE#${key}#${windowStart}`, sk: 'RATE' },
          UpdateExpression: 'ADD hits :one SET expiresAt = :end',
          ExpressionAttributeValues: { ':one': 1, ':end': windowEnd },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    const hits = Number(Attributes?.['hits'] ?? 1);
    const allowed = hits <= this.rule.limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, windowEnd - nowSeconds) };
  }
}
