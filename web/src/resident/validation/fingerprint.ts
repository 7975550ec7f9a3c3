import { canonicalJson } from '../../../../schemas/src/canonical-json.js';

/**
 * A short fingerprint of a form schema's rules. Display texts (`title`, `description`) are left out, so the
 * localized schema a resident receives and the language-neutral one compiled at build time compare equal.
 */
export function schemaFingerprint(schema: unknown): string {
  return fnv1a(canonicalJson(schema, (key, v) => !((key === 'title' || key === 'description') && typeof v === 'string')));
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
