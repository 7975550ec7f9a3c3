import { InvalidRequest } from '../errors.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The longest period one report covers, in months. */
export const MAX_REPORT_MONTHS = 36;

/** A month `YYYY-MM` as asked for, else InvalidRequest naming the parameter. */
export function requestedMonth(name: string, value: string | undefined): string {
  if (value === undefined || !MONTH.test(value)) throw new InvalidRequest(`${name} must be a month written YYYY-MM.`);
  return value;
}

const index = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromIndex = (i: number): string => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Every month from `from` to `to`, in order; InvalidRequest when `to` is before `from` or the span is too long. */
export function monthsBetween(from: string, to: string): string[] {
  const n = index(to) - index(from) + 1;
  if (n < 1) throw new InvalidRequest('to must not be before from.');
  if (n > MAX_REPORT_MONTHS) throw new InvalidRequest(`A report covers at most ${MAX_REPORT_MONTHS} months.`);
  return Array.from({ length: n }, (_, i) => fromIndex(index(from) + i));
}

/** The same month a year before. */
export const yearBefore = (month: string): string => fromIndex(index(month) - 12);
