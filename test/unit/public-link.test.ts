import { describe, expect, it } from 'vitest';
import { daysBefore, daysBetween, epoch, epochAfterDays } from '../../functions/src/domain/epoch.js';
import { publicLink } from '../../functions/src/domain/public-link.js';

describe('links in mail', () => {
  it('join the public URL and a path with one slash, whatever either ends or starts with', () => {
    for (const base of ['https://koto.example', 'https://koto.example/', 'https://koto.example//']) {
      expect(publicLink(base, '/staff')).toBe('https://koto.example/staff');
      expect(publicLink(base, 'a/T')).toBe('https://koto.example/a/T');
    }
  });
});

describe('day arithmetic', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('counts whole days in epoch seconds and in time', () => {
    expect(epochAfterDays(now, 7) - epoch(now)).toBe(7 * 86_400);
    expect(daysBefore(now, 2).toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(daysBetween(daysBefore(now, 3), now)).toBe(3);
  });
});
