import { staffFormTitle } from '../../../../schemas/src/staff-label.js';
import type { FormRegistry } from '../form-registry.js';
import type { Mailer } from '../mailer.js';
import type { Clock, SubmissionStore } from '../ports.js';
import { formsRoutedTo, routedMailboxes } from '../routing.js';
import type { StaffKey, StaffTexts } from '../../../../schemas/src/staff-texts.js';
import { daysBefore, daysBetween, epochAfterDays } from '../epoch.js';
import { digestDayAt } from './digest-schedule.js';
import { publicLink } from '../public-link.js';
import type { Submission, SubmissionStatus } from '../submission.js';

export interface DigestDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  mailer: Mailer;
  clock: Clock;
  mail: { from: string; publicUrl: string };
  staffTexts: StaffTexts;
}

const OPEN: SubmissionStatus[] = ['new', 'in_progress', 'waiting_resident'];
const BUCKETS: { label: StaffKey; maxDays: number }[] = [
  { label: 'digest.ages.day', maxDays: 1 },
  { label: 'digest.ages.days3', maxDays: 3 },
  { label: 'digest.ages.week', maxDays: 7 },
  { label: 'digest.ages.older', maxDays: Infinity },
];

async function openSubmissions(store: SubmissionStore, municipality: string, now: Date): Promise<Submission[]> {
  const all: Submission[] = [];
  for (const status of OPEN) {
    let cursor: string | undefined;
    do {
      const page = await store.listSubmissions({ municipalities: [municipality], status, limit: 200, cursor }, now);
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return all;
}

/** `a=1&b=2`, each part encoded, in the order given (the inbox's own query parameters: web/src/staff/inbox-filters.ts). */
const queryString = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** A new submission older than this many days is called out in the digest, with a link to exactly those. */
export const STALE_DAYS = 2;

/** What a digest run did: the Helsinki day it sent for and how many mails, or why it sent none. */
export type DailyDigest = { day: string; sent: number } | { skipped: 'not_due' | 'already_sent' };

/** Days the record of a sent digest is kept: long enough that no scheduler's retry can find it gone. */
const CLAIM_DAYS = 35;

/**
 * The scheduled digest: sends only at 7 o'clock Helsinki time on a working day (`digest-schedule.ts`), and once a day
 * whatever the number of wake-ups (the schedulers wake it at 04:00 and 05:00 UTC and may retry): the first run of
 * the day claims it with one conditional write. A run that fails after its claim leaves that day without a digest
 * rather than risk sending it twice.
 */
export async function sendDailyDigest(deps: DigestDeps): Promise<DailyDigest> {
  const now = deps.clock.now();
  const day = digestDayAt(now);
  if (!day) return { skipped: 'not_due' };
  if (!(await deps.store.claimDigestDay(day, epochAfterDays(now, CLAIM_DAYS)))) return { skipped: 'already_sent' };
  return { day, sent: await sendDigest(deps) };
}

/** The daily digest: per mailbox, open submissions of its forms counted by age and status; nothing personal. */
export async function sendDigest(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const staff = deps.staffTexts;
  const { t } = staff;
  const staleBefore = daysBefore(now, STALE_DAYS).toISOString();
  let sent = 0;
  for (const municipality of deps.registry.catalog.municipalities()) {
    const open = await openSubmissions(deps.store, municipality.id, now);
    for (const mailbox of routedMailboxes(municipality)) {
      const forms = formsRoutedTo(municipality, mailbox);
      const mine = open.filter((s) => forms.includes(s.formId));
      if (mine.length === 0) continue;
      const lines = forms.flatMap((formId) => {
        const ofForm = mine.filter((s) => s.formId === formId);
        if (ofForm.length === 0) return [];
        const title = staffFormTitle(deps.registry.catalog.currentForm(municipality.id, formId));
        const ages = BUCKETS.map((b, i) => {
          const min = i === 0 ? 0 : BUCKETS[i - 1]!.maxDays;
          const n = ofForm.filter((s) => {
            const days = daysBetween(new Date(s.submittedAt), now);
            return days >= min && days < b.maxDays;
          }).length;
          return `${t(b.label)}: ${n}`;
        });
        const statuses = OPEN.map((st) => `${staff.status(st)}: ${ofForm.filter((s) => s.status === st).length}`);
        // What needs someone: each count with a link to the inbox filtered to exactly those (nothing when none).
        const inbox = (query: Record<string, string>) =>
          publicLink(deps.mail.publicUrl, `/staff?${queryString({ ...query, form: formId, municipality: municipality.id })}`);
        const counted = (words: string, count: number, link: string) =>
          `  ${count ? t('digest.countLink', { count: words, link }) : words}`;
        const staleNew = ofForm.filter((s) => s.status === 'new' && s.submittedAt <= staleBefore).length;
        const unassigned = ofForm.filter((s) => !s.assignee).length;
        const bounced = ofForm.filter((s) => s.notification.state === 'failed').length;
        return [
          t('digest.form', { form: title, open: ofForm.length }),
          `  ${t('digest.byAge', { counts: ages.join(', ') })}`,
          `  ${t('digest.byStatus', { counts: statuses.join(', ') })}`,
          counted(
            t('digest.staleNew', { days: STALE_DAYS, count: staleNew }),
            staleNew,
            inbox({ status: 'new', minAgeDays: String(STALE_DAYS) }),
          ),
          counted(t('digest.unassigned', { count: unassigned }), unassigned, inbox({ assignee: 'none' })),
          counted(t('digest.bounced', { count: bounced }), bounced, inbox({ notification: 'failed' })),
        ];
      });
      await deps.mailer.send({
        from: deps.mail.from,
        to: [mailbox],
        subject: t('digest.subject', { open: mine.length, municipality: municipality.name }),
        text: [
          t('digest.intro', { municipality: municipality.name }),
          '',
          ...lines,
          '',
          t('digest.inbox', { link: publicLink(deps.mail.publicUrl, '/staff') }),
        ].join('\n'),
      });
      sent++;
    }
  }
  return sent;
}
