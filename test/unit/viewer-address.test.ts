import { describe, expect, it } from 'vitest';
import { rateLimitSubject, viewerAddressFrom } from '../../functions/src/http/viewer-address.js';

const SECRET = 'origin-secret-from-secrets-manager';
const EDGE = '130.176.0.12';
const viewerAddress = viewerAddressFrom(SECRET);
const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe('the address a rate limit counts', () => {
  it("is CloudFront's viewer address when the request carries the origin secret", () => {
    expect(viewerAddress(from({ 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '198.51.100.7:46532' }), EDGE)).toBe(
      '198.51.100.7',
    );
    expect(viewerAddress(from({ 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '2001:db8:0:0:0:ff00:42:8329:443' }), EDGE)).toBe(
      '2001:db8:0:0::/64',
    );
  });

  it('is the connection address when the secret is missing or wrong, whatever the viewer header says', () => {
    expect(viewerAddress(from({ 'cloudfront-viewer-address': '198.51.100.7:46532' }), EDGE)).toBe(EDGE);
    expect(viewerAddress(from({ 'x-origin-verify': 'guess', 'cloudfront-viewer-address': '198.51.100.7:46532' }), EDGE)).toBe(EDGE);
    expect(viewerAddress(from({ 'x-origin-verify': `${SECRET}x`, 'cloudfront-viewer-address': '198.51.100.7:1' }), EDGE)).toBe(EDGE);
  });

  it('is the connection address when the viewer header is absent or malformed', () => {
    for (const viewer of [undefined, '', '198.51.100.7', 'not an address:80', '<script>:1', `${'1'.repeat(60)}:1`]) {
      const headers: Record<string, string> = {
        'x-origin-verify': SECRET,
        ...(viewer === undefined ? {} : { 'cloudfront-viewer-address': viewer }),
      };
      expect(viewerAddress(from(headers), EDGE), String(viewer)).toBe(EDGE);
    }
  });

  it('counts an IPv6 address by its /64 network, so one connection cannot take a fresh address per request', () => {
    const subjects = ['2001:db8:1:2:a::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::'].map(rateLimitSubject);
    expect(new Set(subjects)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(rateLimitSubject('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
    // An IPv4 address, also when written IPv6-mapped, counts whole.
    expect(rateLimitSubject('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(viewerAddress(from({ 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '2001:db8:1:2:a::1:443' }), EDGE)).toBe(
      '2001:db8:1:2::/64',
    );
  });
});
