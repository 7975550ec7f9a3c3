/**
 * An email address as every part of the system accepts it: the forms' `email` format, staff, mailboxes, sign-in. No
 * control, invisible or bidi character, and nothing outside the BMP, in the local part: an address stored must be the
 * one mailed and the one staff read.
 */
export const EMAIL =
  /^[^\s@"<>()[\]\\,;:\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uD800-\uDFFF\uFEFF]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Whether `value` is an email address by `EMAIL`, at most 254 characters. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}
