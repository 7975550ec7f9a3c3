import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, checkCharacter, newReference, parseReference } from '../../schemas/src/reference.js';

const bytes = (seed: number) => (n: number) => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 17) % 256);

describe('references', () => {
  it('look like HEI-7KQ4-M2X9: prefix, eight characters, no 0, O, 1 or I', () => {
    for (let seed = 0; seed < 200; seed++) {
      expect(newReference('HEI', bytes(seed))).toMatch(/^HEI-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it('parse back from what a person types: lower case, spaces, no dashes', () => {
    const ref = newReference('ORI', bytes(7));
    expect(parseReference(ref)).toBe(ref);
    expect(parseReference(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref);
    expect(parseReference(ref.replace(/-/g, ''))).toBe(ref);
  });

  it('catch every single mistyped character', () => {
    const ref = newReference('HEI', bytes(3)).replace(/-/g, '');
    const body = ref.slice(3);
    for (let i = 0; i < body.length; i++) {
      for (const c of REFERENCE_ALPHABET) {
        if (c !== body[i]) expect(parseReference(`HEI${body.slice(0, i)}${c}${body.slice(i + 1)}`)).toBeNull();
      }
    }
  });

  it('catch all but 2 of the 992 possible swaps of two neighbouring characters (Luhn mod 32)', () => {
    let missed = 0;
    for (const a of REFERENCE_ALPHABET) {
      for (const b of REFERENCE_ALPHABET) {
        if (a !== b && checkCharacter('HEI', `Q2${a}${b}XYZ`) === checkCharacter('HEI', `Q2${b}${a}XYZ`)) missed++;
      }
    }
    expect(missed).toBe(2);
  });

  it('reject other shapes', () => {
    for (const bad of ['', 'HEI-7KQ4', 'HEI-0KQ4-M2X9', 'HE1-7KQ4-M2X9', 'HEI-7KQ4-M2X9-2']) expect(parseReference(bad)).toBeNull();
  });

  it('depend on the prefix, so a reference of one municipality is not valid for another', () => {
    expect(checkCharacter('HEI', '7KQ4M2X')).not.toBe(checkCharacter('ORI', '7KQ4M2X'));
  });
});
