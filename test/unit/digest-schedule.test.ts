import { describe, expect, it } from 'vitest';
import { digestDayAt, easterSunday, finnishHolidays, isWorkingDay } from '../../functions/src/domain/staff/digest-schedule.js';

describe('the digest schedule: 7 o’clock Helsinki time on Finnish working days', () => {
  it.each([
    // [instant (UTC), the day whose digest is due, or undefined]
    ['2026-01-13T05:00:00Z', '2026-01-13'], // winter (UTC+2): 05 UTC is 7:00
    ['2026-01-13T04:00:00Z', undefined], // winter: 04 UTC is 6:00
    ['2026-01-13T05:59:59Z', '2026-01-13'],
    ['2026-01-13T06:00:00Z', undefined],
    ['2026-06-10T04:00:00Z', '2026-06-10'], // summer (UTC+3): 04 UTC is 7:00
    ['2026-06-10T05:00:00Z', undefined], // summer: 05 UTC is 8:00
    ['2026-03-27T05:00:00Z', '2026-03-27'], // Friday before the switch to summer time: still UTC+2
    ['2026-03-30T04:00:00Z', '2026-03-30'], // Monday after it (29 March 2026): UTC+3
    ['2026-03-30T05:00:00Z', undefined],
    ['2026-10-23T04:00:00Z', '2026-10-23'], // Friday before the switch back (25 October 2026): UTC+3
    ['2026-10-26T05:00:00Z', '2026-10-26'], // Monday after it: UTC+2
    ['2026-10-26T04:00:00Z', undefined],
    ['2026-01-17T05:00:00Z', undefined], // Saturday
    ['2026-01-18T05:00:00Z', undefined], // Sunday
    ['2026-01-01T05:00:00Z', undefined], // New Year's Day, a Thursday
    ['2026-01-06T05:00:00Z', undefined], // Epiphany
    ['2026-04-03T04:00:00Z', undefined], // Good Friday 2026
    ['2026-04-06T04:00:00Z', undefined], // Easter Monday 2026
    ['2026-04-07T04:00:00Z', '2026-04-07'], // the Tuesday after
    ['2026-05-01T04:00:00Z', undefined], // May Day
    ['2026-05-14T04:00:00Z', undefined], // Ascension Day 2026
    ['2026-06-19T04:00:00Z', undefined], // Midsummer Eve 2026
    ['2026-12-07T05:00:00Z', '2026-12-07'], // Independence Day was a Sunday; the Monday is a working day
    ['2026-12-24T05:00:00Z', undefined], // Christmas Eve
    ['2026-12-25T05:00:00Z', undefined],
    ['2026-12-28T05:00:00Z', '2026-12-28'],
    ['2026-12-31T22:30:00Z', undefined], // 0:30 on 1 January in Helsinki
  ])('%s → %s', (instant, due) => {
    expect(digestDayAt(new Date(instant))).toBe(due);
  });

  it('computes Easter for years far apart', () => {
    expect(['2024', '2025', '2026', '2027', '2038', '2100'].map((y) => easterSunday(Number(y)).toISOString().slice(0, 10))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
      '2100-03-28',
    ]);
  });

  it('knows the moving holidays of another year and that a weekday outside them is a working day', () => {
    expect([...finnishHolidays(2027)].sort()).toEqual(
      [
        '2027-01-01',
        '2027-01-06',
        '2027-03-26',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-06-25',
        '2027-12-06',
        '2027-12-24',
        '2027-12-25',
        '2027-12-26',
      ].sort(),
    );
    expect(isWorkingDay('2027-03-30')).toBe(true);
    expect(isWorkingDay('2027-03-26')).toBe(false);
  });
});
