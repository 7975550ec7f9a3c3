/** The states of a submission, in the order staff work through them; staff name them in `status.<id>` of their texts. */
export const STATUSES = ['new', 'in_progress', 'waiting_resident', 'done', 'rejected'] as const;
export type SubmissionStatus = (typeof STATUSES)[number];
