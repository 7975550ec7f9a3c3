/** The states of a submission, in the order staff work through them. */
export const STATUSES = ['new', 'in_progress', 'waiting_resident', 'done', 'rejected'] as const;
export type SubmissionStatus = (typeof STATUSES)[number];

/** Each status as Finnish staff say it, for the inbox, the digest, the action pages and the export. */
export const STATUS_NAMES_FI: Record<SubmissionStatus, string> = {
  new: 'uusi',
  in_progress: 'käsittelyssä',
  waiting_resident: 'odottaa asiakasta',
  done: 'valmis',
  rejected: 'hylätty',
};
