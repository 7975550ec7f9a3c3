import { formatReference } from '../../../schemas/src/reference.js';

/** The views of the staff area, parsed from a path under `/staff`, and the admins' page `/admin`. */
export type StaffRoute =
  { view: 'inbox' } | { view: 'reports' } | { view: 'submission'; reference: string } | { view: 'admin' } | { view: 'notFound' };

/** The admins' workbench: forms, their drafts and languages, staff. */
export const ADMIN_PATH = '/admin';

/** The follow-up reports; the choices are in the query (`?municipality=&from=&to=`), so a report can be linked. */
export const REPORTS_PATH = '/staff/reports';

/** The staff view a path names; a reference in the path is accepted in any case. */
export function parseStaffPath(path: string): StaffRoute {
  const parts = path.split('/').filter(Boolean);
  // Everything under /admin is the workbench's, which parses the rest (web/src/admin/admin-routes.ts).
  if (parts[0] === 'admin') return { view: 'admin' };
  if (parts[0] !== 'staff') return { view: 'notFound' };
  if (parts.length === 1) return { view: 'inbox' };
  if (parts.length === 2 && parts[1] === 'reports') return { view: 'reports' };
  if (parts.length === 3 && parts[1] === 'submissions') {
    let raw: string;
    try {
      raw = decodeURIComponent(parts[2]!);
    } catch {
      return { view: 'notFound' };
    }
    const reference = formatReference(raw);
    return reference ? { view: 'submission', reference } : { view: 'notFound' };
  }
  return { view: 'notFound' };
}

/** The path of one submission's page. */
export const submissionPath = (reference: string) => `/staff/submissions/${encodeURIComponent(reference)}`;
