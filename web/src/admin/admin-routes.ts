import { FORM_ID_PATTERN } from '../../../schemas/src/admin-contract.js';

/** The workbench's tabs for one form, in the order they are shown. */
export const FORM_TABS = ['questions', 'translations', 'preview', 'json', 'history'] as const;
export type FormTab = (typeof FORM_TABS)[number];

/** The admins' views, parsed from a path under `/admin`. */
export type AdminRoute =
  | { view: 'forms' }
  | { view: 'form'; formId: string; tab: FormTab }
  | { view: 'staff' }
  | { view: 'municipalities' }
  | { view: 'rights' }
  | { view: 'spam' }
  | { view: 'notFound' };

export const ADMIN_PATH = '/admin';

/** The path of a form's tab in the workbench (`/admin/forms/hobby/translations`). */
export const formTabPath = (formId: string, tab: FormTab = 'questions') =>
  `${ADMIN_PATH}/forms/${encodeURIComponent(formId)}${tab === 'questions' ? '' : `/${tab}`}`;

const isTab = (value: string): value is FormTab => (FORM_TABS as readonly string[]).includes(value);

/** The admin view a path names. */
export function parseAdminPath(path: string): AdminRoute {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'admin') return { view: 'notFound' };
  if (parts.length === 1) return { view: 'forms' };
  if (parts.length === 2 && parts[1] === 'staff') return { view: 'staff' };
  if (parts.length === 2 && parts[1] === 'municipalities') return { view: 'municipalities' };
  if (parts.length === 2 && parts[1] === 'rights') return { view: 'rights' };
  if (parts.length === 2 && parts[1] === 'spam') return { view: 'spam' };
  if (parts[1] === 'forms' && (parts.length === 3 || parts.length === 4)) {
    let formId: string;
    try {
      formId = decodeURIComponent(parts[2]!);
    } catch {
      return { view: 'notFound' };
    }
    const tab = parts[3] ?? 'questions';
    return isTab(tab) && new RegExp(FORM_ID_PATTERN).test(formId) ? { view: 'form', formId, tab } : { view: 'notFound' };
  }
  return { view: 'notFound' };
}
