import { describe, expect, it } from 'vitest';
import { toE164 } from '../../functions/src/domain/phone-number.js';

describe('a phone number for SMS', () => {
  it('reads Finnish numbers as typed, with or without the country code', () => {
    expect(toE164('040 123 4567')).toBe('+358401234567');
    expect(toE164('+358 40 123 4567')).toBe('+358401234567');
    expect(toE164('00358-40-123-4567')).toBe('+358401234567');
    expect(toE164('(040) 1234567')).toBe('+358401234567');
  });

  it('reads Arabic and Persian digits and foreign numbers', () => {
    expect(toE164('٠٤٠ ١٢٣ ٤٥٦٧')).toBe('+358401234567');
    expect(toE164('+۴۶ ۷۰ ۱۲۳ ۴۵ ۶۷')).toBe('+46701234567');
  });

  it('refuses what cannot be a phone number', () => {
    expect(toE164('12')).toBeUndefined();
    expect(toE164('+0 123 456 789')).toBeUndefined();
    expect(toE164('+1234567890123456')).toBeUndefined();
  });
});
