/** Epoch seconds of a moment: the unit of every `expiresAt` in the store (DynamoDB's TTL reads it). */
export const epoch = (d: Date): number => Math.floor(d.getTime() / 1000);

const DAY_MS = 86_400_000;

/** Epoch seconds `days` days after a moment: when something kept that long expires. */
export const epochAfterDays = (d: Date, days: number): number => epoch(d) + days * (DAY_MS / 1000);

/** The moment `days` days before `d`. */
export const daysBefore = (d: Date, days: number): Date => new Date(d.getTime() - days * DAY_MS);

/** Whole and fractional days from `earlier` to `later`. */
export const daysBetween = (earlier: Date, later: Date): number => (later.getTime() - earlier.getTime()) / DAY_MS;
