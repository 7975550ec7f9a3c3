import type { REPORT_MEASURES } from './report-contract.js';
import type { StaffKey } from './staff-texts.js';

/**
 * What the report's ids are called in the staff's words: the keys of `schemas/texts/staff/fi.json` that name them,
 * for the page and the Finnish CSV alike.
 */

/** Each effectiveness measure the feedback form asks. */
export const MEASURE_NAMES = {
  ratingOverall: 'reports.measures.ratingOverall',
  ratingAccess: 'reports.measures.ratingAccess',
  ratingHelp: 'reports.measures.ratingHelp',
  ratingWelcome: 'reports.measures.ratingWelcome',
  ratingInclusion: 'reports.measures.ratingInclusion',
} as const satisfies Record<(typeof REPORT_MEASURES)[number], StaffKey>;

/** The services the feedback form asks about (its `service` choices), as the form names them in Finnish. */
export const FEEDBACK_SERVICE_NAMES = {
  guidance: 'reports.feedbackServices.guidance',
  integrationPlan: 'reports.feedbackServices.integrationPlan',
  orientation: 'reports.feedbackServices.orientation',
  hobby: 'reports.feedbackServices.hobby',
  onlineForms: 'reports.feedbackServices.onlineForms',
  other: 'reports.feedbackServices.other',
} as const satisfies Record<string, StaffKey>;

/** The key naming `id` in `names`, or undefined for an id the texts do not name (shown as it is, or otherwise). */
export function nameKey(names: Readonly<Record<string, StaffKey>>, id: string): StaffKey | undefined {
  return Object.hasOwn(names, id) ? names[id] : undefined;
}
