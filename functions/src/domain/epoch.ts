/** Epoch seconds of a moment: the unit of every `expiresAt` in the store (DynamoDB's TTL reads it). */
export const epoch = (d: Date): number => Math.floor(d.getTime() / 1000);
