/** Where a signed-in member goes when nothing else is asked for. */
export const STAFF_HOME = '/staff';

// Plain path characters only, so no scheme, host (`//`), backslash, percent-escape, query or fragment can slip
// through; a segment may not start with a dot, so the browser cannot climb out of /staff with `..`.
const SAFE = /^\/staff(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$/;

/**
 * A `next` path that is safe to redirect to after sign-in: a page of the staff area (`/staff/...`) on this
 * site, or undefined. Used by both the web app and the server, so an emailed link can never lead off-site.
 */
export function safeNextPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 200 && SAFE.test(value) ? value : undefined;
}
