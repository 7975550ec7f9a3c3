import { StoreUnavailable } from '../../domain/errors.js';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  // The request handler's connection and request timeouts (table.ts): a hung store, not a bad request.
  'TimeoutError',
  'RequestTimeout',
  'ResourceNotFoundException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** True for a condition that failed on purpose (the caller decides what it means). */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error)?.name === 'ConditionalCheckFailedException';
}

/** Runs a store call; a store that is down, throttling or missing becomes StoreUnavailable (503), nothing else. */
export async function storeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
    const status = e.$metadata?.httpStatusCode ?? 0;
    if (TRANSIENT_NAMES.has(e.name) || NETWORK_CODES.has(e.code ?? e.cause?.code ?? '') || status >= 500) {
      throw new StoreUnavailable(error);
    }
    throw error;
  }
}
