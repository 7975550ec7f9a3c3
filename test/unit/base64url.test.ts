import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../functions/src/domain/base64url.js';

const texts = [
  '',
  'a',
  'ab',
  'abc',
  'abcd',
  '["HEI-7K2M","claim","staff.heinola@koto.local",1767225600]',
  'Äiti ja isä, Öljy',
  'Дитина 2 — Україна',
  'فارسی دری',
  'ภาษาไทย',
  'emoji 🧭 and a tag \u{E0041}',
  "~!*()'-_. ?&=/+#%",
];

describe('base64url without Buffer (the domain has no platform)', () => {
  it.each(texts)('encodes %j exactly as Node does, and back', (text) => {
    const node = Buffer.from(text).toString('base64url');
    expect(toBase64Url(text)).toBe(node);
    expect(fromBase64Url(node)).toBe(text);
  });

  it('refuses what no encoding gives: other characters, an impossible length, bytes that are not UTF-8', () => {
    expect(() => fromBase64Url('ab+c')).toThrow();
    expect(() => fromBase64Url('abcde')).toThrow();
    expect(() => fromBase64Url(Buffer.from([0xff, 0xfe]).toString('base64url'))).toThrow();
  });
});
