import { STATUSES, type Member, type Status } from './staff-api.js';

/** What the inbox is narrowed to; kept in the page address so a filtered view survives a reload and Back. */
export interface InboxFilters {
  status: Status | '';
  form: string;
  municipality: string;
  /** Whose: `''` anyone, `me` the signed-in member, `none` nobody yet, else a colleague's (or a mailbox's) email. */
  assignee: string;
  /** Only the submissions whose staff notification failed for good (`notification=failed`; the digest links here). */
  notificationFailed: boolean;
  /** Only submissions at least this many days old. */
  minAgeDays: number | undefined;
}

export const NO_FILTERS: InboxFilters = {
  status: '',
  form: '',
  municipality: '',
  assignee: '',
  notificationFailed: false,
  minAgeDays: undefined,
};

/** The age choices offered, in days. */
export const AGE_CHOICES = [1, 2, 3, 7, 14, 30] as const;

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

/** An assignee choice of the address: `me`, `none` or an email (lowercased); anything else is no filter. */
const assigneeChoice = (value: string): string =>
  value === 'me' || value === 'none' ? value : EMAIL.test(value) ? value.toLowerCase() : '';

/** Filters from a query string (`?status=new&mine=1`); anything unknown or malformed is ignored. */
export function filtersFromSearch(search: string): InboxFilters {
  const q = new URLSearchParams(search);
  const status = q.get('status') ?? '';
  const form = q.get('form') ?? '';
  const municipality = q.get('municipality') ?? '';
  const age = Number(q.get('minAgeDays'));
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    form: ID.test(form) ? form : '',
    municipality: ID.test(municipality) ? municipality : '',
    assignee: assigneeChoice(q.get('assignee') ?? ''),
    notificationFailed: q.get('notification') === 'failed',
    minAgeDays: Number.isInteger(age) && age > 0 ? age : undefined,
  };
}

/** The query string for the page address, `''` without filters, else starting with `?`, in a stable order. */
export function filtersToSearch(f: InboxFilters): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.form) q.set('form', f.form);
  if (f.municipality) q.set('municipality', f.municipality);
  if (f.assignee) q.set('assignee', f.assignee);
  if (f.minAgeDays) q.set('minAgeDays', String(f.minAgeDays));
  if (f.notificationFailed) q.set('notification', 'failed');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** How many filters are in use. */
export const activeFilterCount = (f: InboxFilters) =>
  [f.status, f.form, f.municipality, f.assignee, f.minAgeDays, f.notificationFailed].filter(Boolean).length;

/** Filters as the API takes them: "me" becomes the member's email; a municipality not theirs is dropped. */
function apiParams(f: InboxFilters, me: Member): URLSearchParams {
  const q = new URLSearchParams();
  if (f.municipality && me.municipalities.includes(f.municipality)) q.set('municipality', f.municipality);
  if (f.status) q.set('status', f.status);
  if (f.form) q.set('form', f.form);
  if (f.assignee) q.set('assignee', f.assignee === 'me' ? me.email : f.assignee);
  if (f.minAgeDays) q.set('minAgeDays', String(f.minAgeDays));
  if (f.notificationFailed) q.set('notification', 'failed');
  return q;
}

/** The inbox API query for one page: the filters, a page size and the cursor of the page before. */
export function inboxApiQuery(f: InboxFilters, me: Member, options: { cursor?: string; limit?: number } = {}): string {
  const q = apiParams(f, me);
  if (options.limit) q.set('limit', String(options.limit));
  if (options.cursor) q.set('cursor', options.cursor);
  return q.toString();
}

/** The export formats offered: XLSX and a Finnish CSV for Excel, and a CSV for programs (docs/http-contract.md). */
export type ExportFormat = 'xlsx' | 'csv-fi' | 'csv';

/**
 * The export of the filtered inbox in `format`. A member of one municipality exports that municipality, so choosing a
 * form is enough to get the answers in the file (the API includes them with both municipality and form).
 */
export function exportHref(f: InboxFilters, me: Member, format: ExportFormat): string {
  const q = apiParams(f, me);
  if (!q.has('municipality') && me.municipalities.length === 1) q.set('municipality', me.municipalities[0]!);
  return `/api/staff/export?${new URLSearchParams([['format', format], ...q]).toString()}`;
}

/** True when the export of these filters carries the answers (one form, one municipality). */
export function csvHasAnswers(f: InboxFilters, me: Member): boolean {
  const q = new URLSearchParams(exportHref(f, me, 'csv').split('?')[1]);
  return q.has('form') && q.has('municipality');
}
