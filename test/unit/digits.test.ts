import { describe, expect, it } from 'vitest';
import { asciiDigits, normalizeAnswers, parseWholeNumber, type JsonSchema } from '../../schemas/src/index.js';
import { dateOf } from '../../web/src/resident/widgets.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    phone: { type: 'string', maxLength: 30, pattern: '^\\+?[0-9][0-9 ()-]{4,28}$' },
    birthDate: { type: 'string', format: 'birth-date', maxLength: 10 },
    birthYear: { type: 'integer' },
    message: { type: 'string', maxLength: 100 },
    children: { type: 'array', items: { type: 'object', properties: { childAge: { type: 'integer' } } } },
  },
};

describe('digits from any keyboard', () => {
  it('writes Eastern Arabic and Persian digits as ASCII', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(asciiDigits('+٣٥٨ ٤٠ ١٢٣')).toBe('+358 40 123');
  });

  it('reads a whole number typed in any digits, and nothing else', () => {
    expect(parseWholeNumber('١٩٨٥')).toBe(1985);
    expect(parseWholeNumber(' ۱۳۶۴ ')).toBe(1364);
    expect(parseWholeNumber('1985')).toBe(1985);
    expect(parseWholeNumber('19a5')).toBeUndefined();
    expect(parseWholeNumber('-3')).toBeUndefined();
    expect(parseWholeNumber('')).toBeUndefined();
  });

  it('normalizes codes, dates and numbers, and leaves free text as written', () => {
    const answers = normalizeAnswers(schema, {
      phone: '٠٤٠ ١٢٣ ٤٥٦٧',
      birthDate: '۱۹۸۵-۰۳-۱۲',
      birthYear: '١٩٨٥',
      message: 'ولدت سنة ١٩٨٥',
      children: [{ childAge: '٧' }, { childAge: 9 }],
    });
    expect(answers).toEqual({
      phone: '040 123 4567',
      birthDate: '1985-03-12',
      birthYear: 1985,
      message: 'ولدت سنة ١٩٨٥',
      children: [{ childAge: 7 }, { childAge: 9 }],
    });
  });

  it('keeps a number field that is not a number as typed, so it fails as "write digits" and is not lost', () => {
    expect(normalizeAnswers(schema, { birthYear: 'nineteen' })).toEqual({ birthYear: 'nineteen' });
  });
});

describe('a date from its day, month and year fields', () => {
  it('is an ISO date, in any digits, with one-digit days and months', () => {
    expect(dateOf({ day: '12', month: '3', year: '1985' })).toBe('1985-03-12');
    expect(dateOf({ day: '١٢', month: '٣', year: '١٩٨٥' })).toBe('1985-03-12');
  });

  it('is nothing when all three are empty, and an invalid date when a part is missing', () => {
    expect(dateOf({ day: '', month: '', year: '' })).toBeUndefined();
    expect(dateOf({ day: '12', month: '', year: '1985' })).toBe('1985--12');
  });
});
