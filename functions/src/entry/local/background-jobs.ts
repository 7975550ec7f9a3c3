import { notifyStaff, type NotifyDeps } from '../../domain/notify-staff.js';
import { sendDailyDigest } from '../../domain/staff/send-digest.js';

export interface BackgroundJobs {
  /** Runs the notifier soon (after a submission), without waiting for the next tick. */
  kick(): void;
  /**
   * Runs the retention sweep now, as the hourly tick does, at `now` (default: the clock's time); for tests, which
   * give a time past every expiry to see what outlives the submissions (test/browser/staff-reports.test.ts).
   */
  sweep(now?: Date): Promise<void>;
  /** Resolves when no drain is running; for tests and shutdown. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local server's in-process notifier, retention sweeper and daily digest (AWS runs them as their own Lambda and TTL).
 * A drain never overlaps another; errors are logged and retried on the next tick.
 */
export function startBackgroundJobs(
  deps: NotifyDeps,
  opts: {
    notifyEveryMs: number;
    sweepEveryMs: number;
    digestEveryMs: number;
    log: (e: Record<string, unknown>) => void;
    /** Sweeps what lives beside the store (the local outboxes) with the same retention; returns how many went. */
    sweepBeside?: (now: Date) => Promise<number>;
  },
): BackgroundJobs {
  let running: Promise<void> | undefined;
  let again = false;
  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await notifyStaff(deps);
          if (result.sent || result.failed) opts.log({ level: 'info', msg: 'notifier', ...result });
        } catch (error) {
          opts.log({ level: 'warn', msg: 'notifier failed', error: String((error as Error).message) });
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const sweep = async (now = deps.clock.now()): Promise<void> => {
    try {
      const deleted = await deps.store.deleteExpired(now);
      const outbox = (await opts.sweepBeside?.(now)) ?? 0;
      if (deleted || outbox) opts.log({ level: 'info', msg: 'retention sweep', deleted, outbox });
    } catch (error) {
      opts.log({ level: 'warn', msg: 'retention sweep failed', error: String((error as Error).message) });
    }
  };
  const digest = async (): Promise<void> => {
    try {
      const digest = await sendDailyDigest(deps);
      if ('day' in digest) opts.log({ level: 'info', msg: 'daily digest', ...digest });
    } catch (error) {
      opts.log({ level: 'warn', msg: 'daily digest failed', error: String((error as Error).message) });
    }
  };
  const notifyTimer = setInterval(() => void drain(), opts.notifyEveryMs);
  const sweepTimer = setInterval(() => void sweep(), opts.sweepEveryMs);
  const digestTimer = setInterval(() => void digest(), opts.digestEveryMs);
  void sweep();
  return {
    kick: () => void drain(),
    sweep,
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      clearInterval(notifyTimer);
      clearInterval(sweepTimer);
      clearInterval(digestTimer);
      while (running) await running;
    },
  };
}
