import type { NotificationState, Submission } from '../../domain/submission.js';
import { INDEX } from './table.js';

/** How a submission maps to a table item: keys, index attributes and back. */
export const DUE = 'DUE';
export const subKey = (reference: string) => ({ pk: `SUB#${reference}`, sk: 'SUB' });
export const idemKey = (keyHash: string) => ({ pk: `IDEM#${keyHash}`, sk: 'IDEM' });
/** The index partition of submissions held as suspected spam: apart from every municipality's inbox. */
export const HELD = 'SPAM';
export const inboxPartition = (municipality: string) => `MUN#${municipality}`;
/** Evidence for the reports (a `meta.triage: false` form's submissions): listed apart, never in the inbox. */
export const evidencePartition = (municipality: string) => `EVIDENCE#${municipality}`;

/** Outbox attributes: present (and indexed) only while a notification is waiting to be sent. */
export function outbox(state: NotificationState): Record<string, string> {
  return state.state === 'pending' && state.dueAt ? { [INDEX.outbox.pk]: DUE, [INDEX.outbox.sk]: state.dueAt } : {};
}

export function toItem(s: Submission): Record<string, unknown> {
  return {
    ...subKey(s.reference),
    type: 'submission',
    ...s,
    // Held spam and evidence have partitions of their own: the reports list evidence, the inbox (`MUN#`) sees neither.
    [INDEX.byMunicipality.pk]: s.spam ? HELD : s.triage === false ? evidencePartition(s.municipality) : inboxPartition(s.municipality),
    [INDEX.byMunicipality.sk]: `${s.submittedAt}#${s.reference}`,
    ...outbox(s.notification),
  };
}

/** Attributes that exist for keys and indexes only, not part of the domain record. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'type', INDEX.byMunicipality.pk, INDEX.byMunicipality.sk, INDEX.outbox.pk, INDEX.outbox.sk];

export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_ATTRIBUTES.includes(k))) as T;
}
