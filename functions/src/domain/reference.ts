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

/** Normalises what a person typed (any case, spaces or dashes) and checks the check character; null if invalid. */
export function parseReference(input: string): string | null {
  const m = /^([A-Z]{3})([2-9A-HJ-NP-Z]{8})$/.exec(input.toUpperCase().replace(/[\s-]/g, ''));
  if (!m) return null;
  const prefix = m[1]!;
  const full = m[2]!;
  if (checkCharacter(prefix, full.slice(0, 7)) !== full[7]) return null;
  return `${prefix}-${full.slice(0, 4)}-${full.slice(4)}`;
}
