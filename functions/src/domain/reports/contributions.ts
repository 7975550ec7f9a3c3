import { REPORT_MEASURES } from '../../../../schemas/src/report-contract.js';
import { daysBetween } from '../epoch.js';
import { helsinkiTime, isWorkingDay } from '../staff/digest-schedule.js';
import type { Submission } from '../submission.js';

/**
 * What one submission adds to the monthly aggregates (docs/data-model.md, "Reports"): pure, so the live updates and
 * the rebuild count alike. Nothing here is personal: a cell is a municipality, a month, a service and a language, and
 * the counts are whole numbers.
 */

/** The days of the time histograms: 0 … 59 as they are, everything later as 60 ("60 or more"). */
export const MAX_DAYS = 60;

/** Which aggregate a contribution goes to: a municipality, a Helsinki month `YYYY-MM`, a service (form id) and a language. */
export interface AggregateCell {
  municipality: string;
  month: string;
  service: string;
  lang: string;
}

/** Counter names of an aggregate and how much one contribution adds to each. */
export type Counts = Record<string, number>;

/**
 * One step of a submission counted once: `milestone` names it (`received`, `firstAction`, `done`, `reached:<status>`,
 * `feedback`), and the aggregate remembers `<reportKey>:<milestone>` so a repeated write does not count it twice.
 */
export interface Contribution {
  cell: AggregateCell;
  milestone: string;
  counts: Counts;
}

/** Counter names, one place, so the report reads what the contributions write. */
export const COUNTER = {
  received: 'received',
  /** Received, and feedback (not a case: left out of the handling figures). */
  receivedFeedback: 'receivedFeedback',
  reached: (status: string) => `reached_${status}`,
  firstAction: 'firstAction',
  firstActionDays: (days: number) => `firstActionDays_${days}`,
  done: 'done',
  doneDays: (days: number) => `doneDays_${days}`,
  doneWithinFiveWorkingDays: 'doneWithin5',
  feedback: 'feedback',
  score: (measure: string, score: number) => `${measure}_${score}`,
  recommend: (yes: boolean) => (yes ? 'recommendYes' : 'recommendNo'),
} as const;

/** The Helsinki month (`YYYY-MM`) of an ISO time. */
export const helsinkiMonth = (iso: string): string => helsinkiTime(new Date(iso)).day.slice(0, 7);

/** Whole days from `from` to `to` (ISO times), 0 … `MAX_DAYS`. */
export function wholeDays(from: string, to: string): number {
  return Math.min(MAX_DAYS, Math.max(0, Math.floor(daysBetween(new Date(from), new Date(to)))));
}

/** The Helsinki date `n` working days (Monday to Friday, no Finnish public holiday) after a Helsinki date. */
export function workingDaysAfter(day: string, n: number): string {
  let date = new Date(`${day}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    date = new Date(date.getTime() + 86_400_000);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** Whether `doneAt` falls on or before the fifth working day after the day `submittedAt` was received (Helsinki dates). */
export function withinFiveWorkingDays(submittedAt: string, doneAt: string): boolean {
  const received = helsinkiTime(new Date(submittedAt)).day;
  return helsinkiTime(new Date(doneAt)).day <= workingDaysAfter(received, 5);
}

/** A 1–5 score, or undefined for anything else (a missing answer). */
const score = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;

/** Feedback is a submission answering at least one effectiveness measure with a score. */
export const isFeedback = (answers: Record<string, unknown>): boolean => REPORT_MEASURES.some((m) => score(answers[m]) !== undefined);

/** The service a feedback was about (the answer `service`), or `other`. */
const feedbackService = (answers: Record<string, unknown>): string =>
  typeof answers['service'] === 'string' && /^[a-zA-Z0-9_-]{1,40}$/.test(answers['service']) ? answers['service'] : 'other';

type Counted = Pick<Submission, 'municipality' | 'submittedAt' | 'formId' | 'lang' | 'answers' | 'status' | 'history'>;

/**
 * Everything a submission has reached so far, each a contribution of its own: received; each status it reached
 * (from its history and its status now, `new` aside); its first staff action (any change: a claim, a status, a note)
 * with the whole days it took; the first time it was done, with the days and whether within five working days; and
 * for feedback, its scores under the service it was about. Free text never enters: only scores and yes/no.
 * A submission staff marked as spam is taken out again (`spamSteps`).
 */
export function contributions(s: Counted): Contribution[] {
  return [...steps(s), ...spamSteps(s)];
}

/**
 * Each time staff marked the submission as spam (`HistoryEntry.spam`), step `spam<k>:<milestone>` takes back what it
 * had added by then to the figures a report shows (received, first action, done, feedback; the statuses it reached
 * stay, as in the history); when it was reopened after that (any later status change), `unspam<k>:<milestone>` adds
 * the same back. Each is a step of its own with its own marker, so retries and the rebuild count them once, and
 * every count stays the sum of steps (never below zero: the steps taken back are written before).
 */
function spamSteps(s: Counted): Contribution[] {
  const history = s.history ?? [];
  const out: Contribution[] = [];
  let taken: Contribution[] | undefined;
  let k = 0;
  history.forEach((h, i) => {
    if (h.action !== 'status') return;
    if (h.spam && !taken) {
      k++;
      const then = steps({ ...s, history: history.slice(0, i + 1), status: 'rejected' });
      taken = then.filter((c) => !c.milestone.startsWith('reached:'));
      const negated = (counts: Counts) => Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, -n || 0]));
      out.push(...taken.map((c) => ({ cell: c.cell, milestone: `spam${k}:${c.milestone}`, counts: negated(c.counts) })));
    } else if (!h.spam && taken) {
      out.push(...taken.map((c) => ({ cell: c.cell, milestone: `unspam${k}:${c.milestone}`, counts: c.counts })));
      taken = undefined;
    }
  });
  return out;
}

/** What the submission has reached, as `contributions` says, spam aside. */
function steps(s: Counted): Contribution[] {
  const cell: AggregateCell = { municipality: s.municipality, month: helsinkiMonth(s.submittedAt), service: s.formId, lang: s.lang };
  const feedback = isFeedback(s.answers);
  const received: Counts = feedback ? { [COUNTER.received]: 1, [COUNTER.receivedFeedback]: 1 } : { [COUNTER.received]: 1 };
  const out: Contribution[] = [{ cell, milestone: 'received', counts: received }];
  const history = s.history ?? [];
  const reached = new Set(history.flatMap((h) => (h.action === 'status' && h.to ? [h.to] : [])));
  if (s.status !== 'new') reached.add(s.status);
  reached.delete('new');
  for (const status of [...reached].sort()) out.push({ cell, milestone: `reached:${status}`, counts: { [COUNTER.reached(status)]: 1 } });
  const first = history[0];
  if (first) {
    const days = wholeDays(s.submittedAt, first.at);
    out.push({ cell, milestone: 'firstAction', counts: { [COUNTER.firstAction]: 1, [COUNTER.firstActionDays(days)]: 1 } });
  }
  const done = history.find((h) => h.action === 'status' && h.to === 'done');
  if (done) {
    const days = wholeDays(s.submittedAt, done.at);
    const within = withinFiveWorkingDays(s.submittedAt, done.at) ? 1 : 0;
    out.push({
      cell,
      milestone: 'done',
      counts: { [COUNTER.done]: 1, [COUNTER.doneDays(days)]: 1, [COUNTER.doneWithinFiveWorkingDays]: within },
    });
  }
  if (feedback) {
    const counts: Counts = { [COUNTER.feedback]: 1 };
    for (const measure of REPORT_MEASURES) {
      const value = score(s.answers[measure]);
      if (value !== undefined) counts[COUNTER.score(measure, value)] = 1;
    }
    if (typeof s.answers['wouldRecommend'] === 'boolean') counts[COUNTER.recommend(s.answers['wouldRecommend'])] = 1;
    out.push({ cell: { ...cell, service: feedbackService(s.answers) }, milestone: 'feedback', counts });
  }
  return out;
}
