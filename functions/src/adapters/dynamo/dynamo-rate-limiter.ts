import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../../domain/ports.js';
import { storeCall } from './store-errors.js';
import { epoch } from '../../domain/epoch.js';

export interface RateLimit {
  /** Requests allowed per window and key. */
  limit: number;
  windowSeconds: number;
}

/** How many keys the in-process memory holds at most; past it, the oldest windows are forgotten first. */
const MEMORY_KEYS = 10_000;

/**
 * Fixed-window counters in the table, shared by every Lambda instance; old windows expire by TTL.
 *
 * Each instance also counts in memory: a key this instance alone has seen over the limit in the current window,
 * or that the store said was over it, is refused from memory without a store write. A burst from one client
 * therefore costs at most `limit` writes per instance and window, instead of one write per request queueing
 * behind the others until the store's timeout (503 for everyone).
 */
export class DynamoRateLimiter implements RateLimiter {
  private readonly memory = new Map<string, { windowStart: number; hits: number; blocked: boolean }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly rule: RateLimit,
  ) {}

  async hit(key: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const nowSeconds = epoch(now);
    const windowStart = nowSeconds - (nowSeconds % this.rule.windowSeconds);
    const windowEnd = windowStart + this.rule.windowSeconds;
    const refused = { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    const local = this.remember(key, windowStart);
    local.hits += 1;
    // The shared count is at least this instance's own: past the limit here, it is past it in the store too.
    if (local.blocked || local.hits > this.rule.limit) {
      local.blocked = true;
      return refused;
    }
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
    if (hits <= this.rule.limit) return { allowed: true, retryAfterSeconds: 0 };
    local.blocked = true;
    return refused;
  }

  /** This instance's count of `key` in the window starting at `windowStart`, a fresh one for a new window. */
  private remember(key: string, windowStart: number) {
    let entry = this.memory.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      this.memory.delete(key);
      if (this.memory.size >= MEMORY_KEYS) this.forgetOldest(windowStart);
      entry = { windowStart, hits: 0, blocked: false };
      this.memory.set(key, entry);
    }
    return entry;
  }

  private forgetOldest(windowStart: number) {
    for (const [key, entry] of this.memory) if (entry.windowStart !== windowStart) this.memory.delete(key);
    // All in the current window: drop the oldest inserted tenth (they are only counted again from the store).
    let drop = Math.ceil(MEMORY_KEYS / 10);
    if (this.memory.size >= MEMORY_KEYS) for (const key of this.memory.keys()) if (drop-- > 0) this.memory.delete(key);
  }
}
