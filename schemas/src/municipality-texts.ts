import { fill } from './i18n.js';
import type { Lang } from './languages.js';
import type { Municipality, WalkIn } from './types.js';

/** A Monday, so that day 1 + n is the weekday n of the walk-in data (1 Monday … 7 Sunday). */
const MONDAY = Date.UTC(2024, 0, 1);

/** The walk-in's day and hours in the words and digits of `lang`: "tiistai", "12.00"; "Tuesday", "12:00 PM". */
export function walkInWords(walkIn: WalkIn, lang: Lang): Record<string, string> {
  const day = new Date(MONDAY + (walkIn.weekday - 1) * 86_400_000);
  const time = (hhmm: string) =>
    new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`1970-01-01T${hhmm}:00Z`));
  return {
    weekday: new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(day),
    opens: time(walkIn.opens),
    closes: time(walkIn.closes),
    address: walkIn.address,
  };
}

/**
 * A municipality's texts in `lang` (English for a key the language lacks), with its data filled in: the walk-in's
 * day, hours and address come from the municipality file, so a change of hours is one edit, not ten translations.
 */
export function municipalityTexts(municipality: Municipality, lang: Lang): Record<string, string> {
  const texts = { ...(municipality.texts.en ?? {}), ...(municipality.texts[lang] ?? {}) };
  const vars = municipality.walkIn ? walkInWords(municipality.walkIn, lang) : {};
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, fill(text, vars, lang)]));
}
