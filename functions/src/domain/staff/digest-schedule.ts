/**
 * When the daily digest goes out: at 7 o'clock Helsinki time on Finnish working days. The schedulers wake the
 * digest at 04:00 and 05:00 UTC (7:00 Helsinki in summer and in winter) and this decides which wake-up is the one;
 * a pure module, so the decision is tested for any date and time.
 */

/** The hour, Helsinki time, the digest goes out. */
export const DIGEST_HOUR = 7;

const HELSINKI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Helsinki date (`YYYY-MM-DD`) and hour (0–23) of an instant. */
export function helsinkiTime(now: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(HELSINKI.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

/** Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** The weekday-dated Finnish public holidays of a year and the days off with them (`YYYY-MM-DD`). */
export function finnishHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '01-06', '05-01', '12-06', '12-24', '12-25', '12-26'].map((md) => `${year}-${md}`);
  // Midsummer Eve, a day off everywhere: the Friday from 19 to 25 June.
  const june19 = new Date(Date.UTC(year, 5, 19));
  const midsummerEve = plusDays(june19, (5 - june19.getUTCDay() + 7) % 7);
  return new Set([
    ...fixed,
    iso(plusDays(easter, -2)), // Good Friday
    iso(plusDays(easter, 1)), // Easter Monday
    iso(plusDays(easter, 39)), // Ascension Day
    iso(midsummerEve),
  ]);
}

/** Whether a Helsinki date (`YYYY-MM-DD`) is a working day: Monday to Friday and no public holiday. */
export function isWorkingDay(day: string): boolean {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !finnishHolidays(date.getUTCFullYear()).has(day);
}

/** The Helsinki day whose digest is due at `now` (its 7 o'clock hour, a working day), or undefined. */
export function digestDayAt(now: Date): string | undefined {
  const { day, hour } = helsinkiTime(now);
  return hour === DIGEST_HOUR && isWorkingDay(day) ? day : undefined;
}
