import { formatReference } from '../../../schemas/src/reference.js';

/** The views of the staff area, parsed from a path under `/staff`, and the admins' page `/admin`. */
export type StaffRoute =
  | { view: 'inbox' }
  | { view: 'submission'; reference: string }
  | { view: 'admin' }
  | { view: 'adminStaff' }
  | { view: 'adminMunicipalities' }
  | { view: 'notFound' };

/** The admins' page: forms and their languages. */
export const ADMIN_PATH = '/admin';

/** The staff view a path names; a reference in the path is accepted in any case. */
export function parseStaffPath(path: string): StaffRoute {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'admin') {
    if (parts.length === 1) return { view: 'admin' };
    // Until the admins' workbench (web/src/admin/AdminApp.tsx) routes these itself.
    if (parts.length === 2 && parts[1] === 'staff') return { view: 'adminStaff' };
    if (parts.length === 2 && parts[1] === 'municipalities') return { view: 'adminMunicipalities' };
    return { view: 'notFound' };
  }
  if (parts[0] !== 'staff') return { view: 'notFound' };
  if (parts.length === 1) return { view: 'inbox' };
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
