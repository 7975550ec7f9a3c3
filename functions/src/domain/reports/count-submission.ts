import type { ReportStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { contributions } from './contributions.js';

export interface CountDeps {
  reports: ReportStore;
  /** Structured log line; never personal data. */
  log?: (event: Record<string, unknown>) => void;
}

/**
 * Brings the monthly aggregates up to date with what a submission has reached: every milestone is written each time,
 * and the ones counted before change nothing (their marker is there), so a retried request, a second change or the
 * rebuild never counts twice, and one that failed is counted by the next. A failure here does not undo the
 * submission's own write: it is logged, and the next change of the submission or `rebuild-reports` counts it.
 */
export async function countSubmission(deps: CountDeps, submission: Submission): Promise<void> {
  if (!submission.reportKey) return;
  try {
    for (const c of contributions(submission)) await deps.reports.add(c.cell, `${submission.reportKey}:${c.milestone}`, c.counts);
  } catch (error) {
    deps.log?.({ event: 'report_count_failed', form: submission.formId, error: (error as Error).message });
  }
}
