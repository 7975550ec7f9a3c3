import type { JsonSchema } from './types.js';

/** Arabic-Indic (٠–٩, U+0660) and Extended Arabic-Indic / Persian (۰–۹, U+06F0) digits, and the Arabic decimal separator. */
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Writes Eastern Arabic and Persian digits as ASCII digits: "٠٤٠ ١٢٣" → "040 123". */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}

/** A whole number typed with any keyboard's digits ("١٩٨٥", " 1985 "), or undefined when it is not one. */
export function parseWholeNumber(text: string): number | undefined {
  const ascii = asciiDigits(text).trim();
  return /^\d{1,15}$/.test(ascii) ? Number(ascii) : undefined;
}

/** Whether a field's answer is a code, a number or a date, whose digits mean the same in any script (not free text). */
function isDigitField(schema: JsonSchema): boolean {
  return schema.type === 'string' && (typeof schema['pattern'] === 'string' || typeof schema['format'] === 'string');
}

function normalizeValue(schema: JsonSchema | undefined, value: unknown): unknown {
  if (!schema) return value;
  if (typeof value === 'string') {
    if (schema.type === 'integer') return parseWholeNumber(value) ?? value;
    return isDigitField(schema) ? asciiDigits(value) : value;
  }
  if (Array.isArray(value) && schema.items) return value.map((v) => normalizeValue(schema.items, v));
  if (value && typeof value === 'object' && schema.properties) return normalizeAnswers(schema, value as Record<string, unknown>);
  return value;
}

/**
 * Answers as the schema reads them, whatever keyboard typed them: Eastern Arabic and Persian digits become ASCII in
 * phone numbers, codes and dates, and a whole number typed as text becomes a number. Free text is left as written.
 * The browser and the server both run it before validating, so "٠٤٠ ١٢٣ ٤٥٦٧" is a phone number on both.
 */
export function normalizeAnswers(schema: JsonSchema, answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).map(([field, value]) => [field, normalizeValue(schema.properties?.[field], value)]));
}
