/** Where a signed-in member goes when nothing else is asked for. */
export const STAFF_HOME = '/staff';

// Plain path characters only, so no scheme, host (`//`), backslash, percent-escape, query or fragment can slip
// through; a segment may not start with a dot, so the browser cannot climb out of /staff with `..`.
const STAFF_PAGE = /^\/staff(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$/;
// An emailed action link's confirm page, `/a/<payload>.<signature>`: two base64url parts, nothing else.
const ACTION_LINK = /^\/a\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// An action link carries its mailbox (up to 254 characters) in its payload, so it may be longer than a staff page.
const MAX_STAFF_PAGE = 200;
const MAX_ACTION_LINK = 800;

/**
 * A `next` path that is safe to redirect to after sign-in: a page of the staff area (`/staff/...`) or an emailed
 * action link's confirm page (`/a/...`) on this site, or undefined. Used by both the web app and the server, so an
 * emailed link can never lead off-site.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length <= MAX_STAFF_PAGE && STAFF_PAGE.test(value)) return value;
  if (value.length <= MAX_ACTION_LINK && ACTION_LINK.test(value)) return value;
  return undefined;
}
