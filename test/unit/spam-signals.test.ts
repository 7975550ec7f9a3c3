import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { issueStartToken, spamReason, tokenStart } from '../../functions/src/domain/spam/spam-signals.js';

const signer = { crypto: nodeCrypto, actionSecret: 'test-secret' };
const shown = new Date('2026-03-02T08:30:00Z');
const after = (ms: number) => new Date(shown.getTime() + ms);

describe('the start token and the spam signals', () => {
  it('reads back when its form was shown, and nothing for a token changed, of another form or another key', () => {
    const token = issueStartToken(signer, 'guidance', shown);
    expect(tokenStart(signer, 'guidance', token)).toBe(shown.getTime());
    const [issued, mac] = token.split('.');
    const earlier = (shown.getTime() - 60_000).toString(36);
    expect(tokenStart(signer, 'guidance', `${earlier}.${mac}`)).toBeUndefined();
    expect(tokenStart(signer, 'hobby', token)).toBeUndefined();
    expect(tokenStart({ ...signer, actionSecret: 'other' }, 'guidance', token)).toBeUndefined();
    for (const bad of ['', '.', issued!, `${token}.x`, `ZZ.${mac}`, `${'1'.repeat(13)}.${mac}`]) {
      expect(tokenStart(signer, 'guidance', bad)).toBeUndefined();
    }
  });

  it('holds a filled honeypot and a fill quicker than 3 seconds; takes blanks, 3 seconds and more, and unknown tokens', () => {
    const token = issueStartToken(signer, 'guidance', shown);
    expect(spamReason(signer, 'guidance', { honeypot: 'x', startToken: token }, after(60_000))).toBe('honeypot');
    expect(spamReason(signer, 'guidance', { startToken: token }, after(2_999))).toBe('too_fast');
    expect(spamReason(signer, 'guidance', { honeypot: ' \n', startToken: token }, after(3_000))).toBeUndefined();
    expect(spamReason(signer, 'guidance', { startToken: 'abc.def' }, after(0))).toBeUndefined();
    expect(spamReason(signer, 'guidance', {}, after(0))).toBeUndefined();
    expect(spamReason(signer, 'guidance', { startToken: token }, after(1_000), 0)).toBeUndefined();
  });
});
