/** Characters of a reference: digits and capitals without 0/O and 1/I, so it reads well over the phone. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const N = REFERENCE_ALPHABET.length;

/** The check character of a body (Luhn mod N), catching any single typo and most swaps of neighbours. */
export function checkCharacter(prefix: string, body: string): string {
  const chars = (prefix + body).toUpperCase();
  let sum = 0;
  let factor = 2;
  for (let i = chars.length - 1; i >= 0; i--) {
    const code = REFERENCE_ALPHABET.indexOf(chars[i]!);
    // Prefix letters may fall outside the alphabet (I, O); fold them in by their char code.
    const value = code >= 0 ? code : chars.charCodeAt(i) % N;
    let addend = factor * value;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return REFERENCE_ALPHABET[(N - (sum % N)) % N]!;
}

/** A new reference like `HEI-7KQ4-M2X9`: prefix, seven random characters and a check character. */
export function newReference(prefix: string, randomBytes: (n: number) => Uint8Array): string {
  const body = [...randomBytes(7)].map((b) => REFERENCE_ALPHABET[b % N]).join('');
  const full = body + checkCharacter(prefix, body);
  return `${prefix}-${full.slice(0, 4)}-${full.slice(4)}`;
}

/** The shape of a reference with its separators taken out: a three-letter prefix and eight characters of the alphabet. */
const COMPACT = new RegExp(`^([A-Z]{3})([${REFERENCE_ALPHABET}]{8})$`);

/**
 * A reference as a person may type it from a phone call or an email (any case, spaces, any dash or none), written
 * the way the system writes it: `hei 7kq4 m2x9` → `HEI-7KQ4-M2X9`. Null when it cannot be one. The check character
 * is not verified here: a search with a mistyped one simply finds nothing.
 */
export function formatReference(input: string): string | null {
  const m = COMPACT.exec(input.toUpperCase().replace(/[\s\-‐‑–—]/g, ''));
  return m ? `${m[1]}-${m[2]!.slice(0, 4)}-${m[2]!.slice(4)}` : null;
}

/** `formatReference`, and only when the check character holds; null otherwise. */
export function parseReference(input: string): string | null {
  const reference = formatReference(input);
  if (!reference) return null;
  const [prefix, first, second] = reference.split('-') as [string, string, string];
  const full = first + second;
  return checkCharacter(prefix, full.slice(0, 7)) === full[7] ? reference : null;
}
