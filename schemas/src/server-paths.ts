/**
 * The first path segments the server owns: the API, emailed action links and the sign-in page. Everything else is
 * a page of the web app. The local server, the CloudFront distribution and the web app's link handling all read
 * this one list; `dev` (the local outbox) exists only on the local server.
 */
export const SERVER_PATH_PREFIXES = ['api', 'a', 'auth'] as const;
const LOCAL_ONLY_PREFIXES = ['dev'] as const;

/** Whether `path` is the server's, not a page of the web app. */
export function isServerPath(path: string, local = false): boolean {
  const first = path.split('/')[1] ?? '';
  return (
    (SERVER_PATH_PREFIXES as readonly string[]).includes(first) || (local && (LOCAL_ONLY_PREFIXES as readonly string[]).includes(first))
  );
}

/** The server's paths as CloudFront path patterns: `/api/*`, `/a/*`, `/auth/*`. */
export function serverPathPatterns(): string[] {
  return SERVER_PATH_PREFIXES.map((prefix) => `/${prefix}/*`);
}
