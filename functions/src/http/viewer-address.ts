import { createHash, timingSafeEqual } from 'node:crypto';

/** The header CloudFront adds to every request it sends to the API, carrying a secret only it and the API know. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** CloudFront's `ip:port` of the resident's own connection (sent because the origin request policy asks for it). */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * What a rate limit counts for an address: an IPv4 address whole; an IPv6 address by its /64 network, since one
 * phone or home connection is handed a whole /64 and could otherwise take a fresh address for every request.
 */
export function rateLimitSubject(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (IPV4.test(address) || !address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '') || '0')
    .join(':')}::/64`;
}

/**
 * The address a rate limit should count, read with the origin secret CloudFront adds. Behind CloudFront the
 * connection comes from an edge server shared by many residents, so the viewer's address is taken from
 * CloudFront's header, but only when the request also carries the secret (anyone can send the header itself
 * straight to the API's own endpoint).
 */
export function viewerAddressFrom(originSecret: string) {
  const expected = digest(originSecret);
  return (header: (name: string) => string | undefined, connection: string): string => {
    const presented = header(ORIGIN_VERIFY_HEADER);
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) return rateLimitSubject(connection);
    const viewer = header(VIEWER_ADDRESS_HEADER)?.trim() ?? '';
    // `198.51.100.7:46532` or `2001:db8::7:46532`: the port follows the last colon.
    const address = viewer.slice(0, Math.max(0, viewer.lastIndexOf(':')));
    return rateLimitSubject(ADDRESS.test(address) ? address : connection);
  };
}
