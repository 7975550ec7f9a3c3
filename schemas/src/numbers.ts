const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as `lang` writes it, in its own digits ("۱۹۸۵" in Persian) and never with a thousands separator, so a
 * year reads "1985", not "1 985": in answers, limits of validation messages, step counters and item numbers.
 */
export function formatNumber(value: number, lang: string): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.NumberFormat(lang, { useGrouping: false })));
  return format.format(value);
}
