import type { FormRegistry } from '../form-registry.js';
import type { Mailer } from '../mailer.js';
import type { Clock, SubmissionStore } from '../ports.js';
import { formsRoutedTo, routedMailboxes } from '../routing.js';
import type { StaffKey, StaffTexts } from '../../../../schemas/src/staff-texts.js';
import { daysBetween } from '../epoch.js';
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

/** The daily digest: per mailbox, open submissions of its forms counted by age and status; nothing personal. */
export async function sendDigest(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const staff = deps.staffTexts;
  const { t } = staff;
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
        const title = deps.registry.catalog.currentForm(municipality.id, formId).texts.fi?.title ?? formId;
        const ages = BUCKETS.map((b, i) => {
          const min = i === 0 ? 0 : BUCKETS[i - 1]!.maxDays;
          const n = ofForm.filter((s) => {
            const days = daysBetween(new Date(s.submittedAt), now);
            return days >= min && days < b.maxDays;
          }).length;
          return `${t(b.label)}: ${n}`;
        });
        const statuses = OPEN.map((st) => `${staff.status(st)}: ${ofForm.filter((s) => s.status === st).length}`);
        return [
          t('digest.form', { form: title, open: ofForm.length }),
          `  ${t('digest.byAge', { counts: ages.join(', ') })}`,
          `  ${t('digest.byStatus', { counts: statuses.join(', ') })}`,
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
