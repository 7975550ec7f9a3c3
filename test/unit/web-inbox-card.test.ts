// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ageText } from '../../web/src/staff/InboxCard.js';

const NOW = new Date('2026-03-05T09:00:00Z');

describe('the age on an inbox card', () => {
  it('is "tänään" within a day, then whole days ago', () => {
    expect(ageText('2026-03-05T08:59:00Z', NOW)).toBe('tänään');
    expect(ageText('2026-03-04T09:00:01Z', NOW)).toBe('tänään');
    expect(ageText('2026-03-04T09:00:00Z', NOW)).toBe('1 pv sitten');
    expect(ageText('2026-03-02T08:30:00Z', NOW)).toBe('3 pv sitten');
  });

  it('is "tänään" for a time in the future (a clock ahead) or one that cannot be read', () => {
    expect(ageText('2026-03-06T09:00:00Z', NOW)).toBe('tänään');
    expect(ageText('not a time', NOW)).toBe('tänään');
  });
});
