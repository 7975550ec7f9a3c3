import type { Crypto, ReportStore, SubmissionStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { contributions, helsinkiMonth } from './contributions.js';

export interface RebuildDeps {
  store: SubmissionStore;
  reports: ReportStore;
  crypto: Pick<Crypto, 'token'>;
}

/** The months a rebuild replaces (`YYYY-MM`, inclusive); without them it only counts what is missing. */
export interface RebuildRange {
  from: string;
  to: string;
}

const PAGE = 100;

/** Every live submission of a municipality, cases and evidence, page by page (the staff inbox's query, newest first). */
async function* liveSubmissions(store: SubmissionStore, municipality: string, now: Date): AsyncGenerator<Submission> {
  for (const evidence of [false, true]) {
    let cursor: string | undefined;
    do {
      const query = { municipalities: [municipality], evidence, limit: PAGE, ...(cursor ? { cursor } : {}) };
      const page = await store.listSubmissions(query, now);
      yield* page.items;
      cursor = page.cursor;
    } while (cursor);
  }
}

/**
 * Counts the live submissions into the monthly aggregates, through the same contributions and markers as the live
 * updates, so the result is what the live updates give (`test/http/reports.test.ts` proves it). With a range, the
 * range's aggregates are deleted first and counted anew; since expired submissions are gone, a month some of whose
 * submissions have expired would lose them: rebuild only months whose submissions are all still kept. Without a
 * range nothing is deleted: only steps not counted yet are added (after a failed write), which is always safe.
 * A submission stored before reports gets its random `reportKey` here.
 */
export async function rebuildReports(
  deps: RebuildDeps,
  municipalities: readonly string[],
  now: Date,
  range?: RebuildRange,
): Promise<{ cleared: number; submissions: number; added: number }> {
  let cleared = 0;
  let submissions = 0;
  let added = 0;
  for (const municipality of municipalities) {
    if (range) cleared += await deps.reports.clear(municipality, range.from, range.to);
    for await (const s of liveSubmissions(deps.store, municipality, now)) {
      const month = helsinkiMonth(s.submittedAt);
      if (range && (month < range.from || month > range.to)) continue;
      const reportKey = s.reportKey ?? (await deps.store.assignReportKey(s.reference, deps.crypto.token(9)));
      if (!reportKey) continue; // deleted meanwhile
      submissions++;
      const writes = contributions(s).map((c) => deps.reports.add(c.cell, `${reportKey}:${c.milestone}`, c.counts));
      added += (await Promise.all(writes)).filter(Boolean).length;
    }
  }
  return { cleared, submissions, added };
}
