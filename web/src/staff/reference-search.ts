/**
 * A reference as staff may type it from a phone call or an email (any case, with spaces or without dashes),
 * written the way the system writes it: `hei 7kq4 m2x9` → `HEI-7KQ4-M2X9`. Null when it cannot be one.
 * The check character is the server's to verify: a mistyped one is simply not found.
 */
export function normaliseReference(input: string): string | null {
  const m = /^([A-Z]{3})([2-9A-HJ-NP-Z]{4})([2-9A-HJ-NP-Z]{4})$/.exec(input.toUpperCase().replace(/[\s\-‐‑–—]/g, ''));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
