/**
 * A short fingerprint of a form schema's rules. Display texts (`title`, `description`) are left out, so the
 * localized schema a resident receives and the language-neutral one compiled at build time compare equal.
 */
export function schemaFingerprint(schema: unknown): string {
  return fnv1a(canonical(schema));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => !((key === 'title' || key === 'description') && typeof v === 'string'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
