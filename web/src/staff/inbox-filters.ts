import { STATUSES, type Member, type Status } from './staff-api.js';

/** What the inbox is narrowed to; kept in the page address so a filtered view survives a reload and Back. */
export interface InboxFilters {
  status: Status | '';
  form: string;
  municipality: string;
  /** Only the submissions assigned to the signed-in member. */
  mine: boolean;
  /** Only the submissions nobody has taken (`assignee=none`; the digest links here). */
  unassigned: boolean;
  /** Only the submissions whose staff notification failed for good (`notification=failed`; the digest links here). */
  notificationFailed: boolean;
  /** Only submissions at least this many days old. */
  minAgeDays: number | undefined;
}

export const NO_FILTERS: InboxFilters = {
  status: '',
  form: '',
  municipality: '',
  mine: false,
  unassigned: false,
  notificationFailed: false,
  minAgeDays: undefined,
};

/** The age choices offered, in days. */
export const AGE_CHOICES = [1, 2, 3, 7, 14, 30] as const;

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

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
    mine: q.get('assignee') === 'me',
    unassigned: q.get('assignee') === 'none',
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
  if (f.mine) q.set('assignee', 'me');
  else if (f.unassigned) q.set('assignee', 'none');
  if (f.minAgeDays) q.set('minAgeDays', String(f.minAgeDays));
  if (f.notificationFailed) q.set('notification', 'failed');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** How many filters are in use. */
export const activeFilterCount = (f: InboxFilters) =>
  [f.status, f.form, f.municipality, f.mine || f.unassigned, f.minAgeDays, f.notificationFailed].filter(Boolean).length;

/** Filters as the API takes them: "mine" becomes the member's email; a municipality not theirs is dropped. */
function apiParams(f: InboxFilters, me: Member): URLSearchParams {
  const q = new URLSearchParams();
  if (f.municipality && me.municipalities.includes(f.municipality)) q.set('municipality', f.municipality);
  if (f.status) q.set('status', f.status);
  if (f.form) q.set('form', f.form);
  if (f.mine) q.set('assignee', me.email);
  else if (f.unassigned) q.set('assignee', 'none');
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

/**
 * The CSV export of the filtered inbox. A member of one municipality exports that municipality, so choosing a
 * form is enough to get the answers in the file (the API includes them with both municipality and form).
 */
export function csvHref(f: InboxFilters, me: Member): string {
  const q = apiParams(f, me);
  if (!q.has('municipality') && me.municipalities.length === 1) q.set('municipality', me.municipalities[0]!);
  const s = q.toString();
  return `/api/staff/submissions.csv${s ? `?${s}` : ''}`;
}

/** True when the CSV of these filters carries the answers (one form, one municipality). */
export function csvHasAnswers(f: InboxFilters, me: Member): boolean {
  const q = new URLSearchParams(csvHref(f, me).split('?')[1] ?? '');
  return q.has('form') && q.has('municipality');
}
