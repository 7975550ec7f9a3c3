import { asciiDigits } from '../../../schemas/src/digits.js';

/**
 * A phone number as a resident typed it, in E.164 for sending SMS: "040 123 4567" → "+358401234567",
 * "00 46 70 123 45 67" → "+46701234567", Arabic digits too. A number without a country code is Finnish
 * (`countryCode`). Undefined when it cannot be a phone number (E.164 allows at most 15 digits).
 */
export function toE164(typed: string, countryCode = '358'): string | undefined {
  const compact = asciiDigits(typed).replace(/[\s()-]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = countryCode + compact.slice(1);
  else digits = countryCode + compact;
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
}
