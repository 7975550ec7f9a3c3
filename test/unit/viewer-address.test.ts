import { describe, expect, it } from 'vitest';
import { viewerAddress } from '../../functions/src/http/viewer-address.js';

const SECRET = 'origin-secret-from-secrets-manager';
const EDGE = '130.176.0.12';
const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe('the address a rate limit counts', () => {
  it("is CloudFront's viewer address when the request carries the origin secret", () => {
    expect(viewerAddress(from({ 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '198.51.100.7:46532' }), SECRET, EDGE)).toBe('198.51.100.7');
    expect(viewerAddress(from({ 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '2001:db8:0:0:0:ff00:42:8329:443' }), SECRET, EDGE)).toBe(
      '2001:db8:0:0:0:ff00:42:8329',
    );
  });

  it('is the connection address when the secret is missing or wrong, whatever the viewer header says', () => {
    expect(viewerAddress(from({ 'cloudfront-viewer-address': '198.51.100.7:46532' }), SECRET, EDGE)).toBe(EDGE);
    expect(viewerAddress(from({ 'x-origin-verify': 'guess', 'cloudfront-viewer-address': '198.51.100.7:46532' }), SECRET, EDGE)).toBe(EDGE);
    expect(viewerAddress(from({ 'x-origin-verify': `${SECRET}x`, 'cloudfront-viewer-address': '198.51.100.7:1' }), SECRET, EDGE)).toBe(EDGE);
  });

  it('is the connection address when the viewer header is absent or malformed', () => {
    for (const viewer of [undefined, '', '198.51.100.7', 'not an address:80', '<script>:1', `${'1'.repeat(60)}:1`]) {
      const headers: Record<string, string> = { 'x-origin-verify': SECRET, ...(viewer === undefined ? {} : { 'cloudfront-viewer-address': viewer }) };
      expect(viewerAddress(from(headers), SECRET, EDGE), String(viewer)).toBe(EDGE);
    }
  });
});
