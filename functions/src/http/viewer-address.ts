import { createHash, timingSafeEqual } from 'node:crypto';

/** The header CloudFront adds to every request it sends to the API, carrying a secret only it and the API know. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** CloudFront's `ip:port` of the resident's own connection (sent because the origin request policy asks for it). */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The address a rate limit should count: behind CloudFront the connection comes from an edge server, shared by
 * many residents, so the viewer's address is taken from CloudFront's header, but only when the request also
 * carries the origin secret (anyone can send the header itself straight to the API's own endpoint).
 */
export function viewerAddress(header: (name: string) => string | undefined, originSecret: string, connection: string): string {
  const presented = header(ORIGIN_VERIFY_HEADER);
  if (presented === undefined || !timingSafeEqual(digest(presented), digest(originSecret))) return connection;
  const viewer = header(VIEWER_ADDRESS_HEADER)?.trim() ?? '';
  // `198.51.100.7:46532` or `2001:db8::7:46532`: the port follows the last colon.
  const address = viewer.slice(0, Math.max(0, viewer.lastIndexOf(':')));
  return ADDRESS.test(address) ? address : connection;
}
