import { describe, expect, it } from 'vitest';
import { spelledReference } from '../../web/src/resident/reference.js';
import { messagesByField, newIdempotencyKey, sendAttempt, submissionBody } from '../../web/src/resident/submission.js';
import { guidanceForm } from './web-fixtures.js';

const form = guidanceForm('fi');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the submission body', () => {
  it('carries the form version and language, without hidden or empty answers', () => {
    const body = submissionBody(form, 'heinola', {
      topics: ['work'],
      topicOther: 'stale',
      contactWay: 'visit',
      phone: '040 123',
      message: '',
    });
    expect(body).toEqual({
      municipality: 'heinola',
      lang: 'fi',
      formVersion: form.version,
      answers: { topics: ['work'], contactWay: 'visit' },
    });
  });
});

describe('the Idempotency-Key of a send', () => {
  const body = submissionBody(form, 'heinola', { fullName: 'Amina' });
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('is reused when the same answers are sent again (a retry)', () => {
    const first = sendAttempt(undefined, body, newKey);
    expect(sendAttempt(first, body, newKey)).toBe(first);
  });

  it('is new when the answers changed', () => {
    const first = sendAttempt(undefined, body, newKey);
    const changed = submissionBody(form, 'heinola', { fullName: 'Amina B' });
    expect(sendAttempt(first, changed, newKey).key).not.toBe(first.key);
  });

  it('is a UUID v4, also without crypto.randomUUID', () => {
    expect(newIdempotencyKey()).toMatch(UUID);
    const old = { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(bytes) };
    expect(newIdempotencyKey(old)).toMatch(UUID);
  });
});

describe('server errors', () => {
  it('are grouped by their top-level field', () => {
    const grouped = messagesByField([
      { path: '/answers/topics/1', keyword: 'enum', message: 'a' },
      { path: '/answers/topics', keyword: 'minItems', message: 'b' },
      { path: '/answers', keyword: 'type', message: 'c' },
    ]);
    expect([...grouped]).toEqual([
      ['topics', ['a', 'b']],
      ['', ['c']],
    ]);
  });
});

describe('the reference for screen readers', () => {
  it('is spelled out group by group', () => {
    expect(spelledReference('HEI-7KQ4-M2X9')).toBe('H E I, 7 K Q 4, M 2 X 9');
  });
});
