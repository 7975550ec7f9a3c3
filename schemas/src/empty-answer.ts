/** Whether an answer says nothing: missing, null, an empty text or an empty list. Such answers are not sent or shown. */
export function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Answers without the empty ones, as they are sent and stored. */
export function withoutEmpty(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => !isEmptyAnswer(v)));
}
