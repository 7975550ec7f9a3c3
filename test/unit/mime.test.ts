import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/src/domain/mailer.js';
import { buildMime } from '../../functions/src/adapters/mime.js';

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: 'lomakkeet@orimattila.example',
    to: ['neuvonta@orimattila.example'],
    subject: 'Uusi palaute – ORI-2B7C-Q4KD (العربية)',
    text: 'Palaute saapui.',
    ...overrides,
  };
}

describe('buildMime', () => {
  it('builds multipart/alternative with text and HTML when HTML is given', async () => {
    const { raw } = await buildMime(mail({ html: '<p>Palaute saapui.</p>' }));

    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.text?.trim()).toBe('Palaute saapui.');
    expect(parsed.html).toBe('<p>Palaute saapui.</p>');
  });

  it('builds a single text/plain part when there is no HTML', async () => {
    const { raw } = await buildMime(mail());

    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain', params: { charset: 'utf-8' } });
    expect(parsed.html).toBe(false);
  });

  it('encodes a non-ASCII subject as encoded words and keeps the header lines ASCII', async () => {
    const { raw } = await buildMime(mail());

    const head = raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect(head).toMatch(/^[\x00-\x7f]*$/);
    expect((await simpleParser(raw)).subject).toBe('Uusi palaute – ORI-2B7C-Q4KD (العربية)');
  });

  it('includes extra headers, date and the returned Message-ID', async () => {
    const date = new Date('2026-03-02T08:30:00Z');
    const { raw, messageId } = await buildMime(mail({ headers: { 'X-Koto-Reference': 'ORI-2B7C-Q4KD' } }), date);

    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('x-koto-reference')).toBe('ORI-2B7C-Q4KD');
    expect(parsed.date).toEqual(date);
    expect(messageId).toMatch(/^<.+@orimattila\.example>$/);
    expect(parsed.messageId).toBe(messageId);
  });

  it('keeps a line break in a header value from starting a new header', async () => {
    const { raw } = await buildMime(mail({ headers: { 'X-Koto-Reference': 'ORI\r\nBcc: someone@evil.example' } }));

    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
  });
});
