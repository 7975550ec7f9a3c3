import type { FormRegistry } from '../form-registry.js';
import type { Mailer } from '../mailer.js';
import type { Clock, SubmissionStore } from '../ports.js';
import { formsRoutedTo, routedMailboxes } from '../routing.js';
import { STATUS_NAMES_FI } from '../../../../schemas/src/statuses.js';
import { daysBetween } from '../epoch.js';
import { publicLink } from '../public-link.js';
import type { Submission, SubmissionStatus } from '../submission.js';

export interface DigestDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  mailer: Mailer;
  clock: Clock;
  mail: { from: string; publicUrl: string };
}

const OPEN: SubmissionStatus[] = ['new', 'in_progress', 'waiting_resident'];
const BUCKETS = [
  { label: 'alle 1 vrk', maxDays: 1 },
  { label: '1–3 vrk', maxDays: 3 },
  { label: '3–7 vrk', maxDays: 7 },
  { label: 'yli 7 vrk', maxDays: Infinity },
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
          return `${b.label}: ${n}`;
        });
        const statuses = OPEN.map((st) => `${STATUS_NAMES_FI[st]}: ${ofForm.filter((s) => s.status === st).length}`);
        return [`${title} (${ofForm.length} avointa)`, `  iän mukaan – ${ages.join(', ')}`, `  tilan mukaan – ${statuses.join(', ')}`];
      });
      await deps.mailer.send({
        from: deps.mail.from,
        to: [mailbox],
        subject: `Koto-lomakkeet: ${mine.length} avointa – ${municipality.name} – päivän kooste`,
        text: [
          `Avoimet lomakkeet, ${municipality.name}:`,
          '',
          ...lines,
          '',
          `Saapuneet: ${publicLink(deps.mail.publicUrl, '/staff')}`,
        ].join('\n'),
      });
      sent++;
    }
  }
  return sent;
}
