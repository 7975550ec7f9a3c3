import type { FormDefinition } from '../../../../schemas/src/index.js';
import { asciiDigits } from '../../../../schemas/src/digits.js';
import { InvalidRequest } from '../errors.js';
import { toE164 } from '../phone-number.js';

/**
 * What a staff search is matched on, without the answers themselves: tokens such as `name:kov`,
 * `phone:+358401234567` and `email:olena@example.com`, made the same way from a resident's answers (by the form's
 * roles, never by field ids) and from what staff type. The index stores only their hashes (docs/data-model.md).
 */
export type SearchKind = 'name' | 'phone' | 'email';

/** A name word is indexed by its prefixes from this many letters on, so "Kova" finds "Kovalenko". */
export const MIN_PREFIX = 3;
/** Prefixes stop here: a longer word is found by its first letters. */
export const MAX_PREFIX = 20;
/** Words of a name indexed at most (each answer), and words of a query used at most. */
const MAX_WORDS = 6;
/** The longest query taken. */
export const MAX_QUERY_LENGTH = 100;

/** Lowercase letters and digits without diacritics, split into words: "Mäkinen-Šulc" → ["makinen", "sulc"]. */
export function nameWords(text: string): string[] {
  return asciiDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/** A word's searchable forms: itself when short, else its prefixes of MIN_PREFIX to MAX_PREFIX letters. */
function wordPrefixes(word: string): string[] {
  const letters = Array.from(word);
  if (letters.length <= MIN_PREFIX) return [word];
  const last = Math.min(letters.length, MAX_PREFIX);
  return Array.from({ length: last - MIN_PREFIX + 1 }, (_, i) => letters.slice(0, MIN_PREFIX + i).join(''));
}

/** How a query word is looked up: the word itself, cut to the longest prefix indexed. */
const queryWord = (word: string): string => Array.from(word).slice(0, MAX_PREFIX).join('');

const emailToken = (text: string): string => `email:${text.trim().toLowerCase()}`;

/** Every token a submission is found by, from the answers its form names in `meta.roles`. */
export function submissionTokens(form: FormDefinition, answers: Record<string, unknown>): string[] {
  const roles = form.meta.roles;
  const text = (field: string | undefined): string | undefined => {
    const value = field === undefined ? undefined : answers[field];
    return typeof value === 'string' && value.trim() ? value : undefined;
  };
  const tokens = new Set<string>();
  for (const field of [roles.name, roles.latinName]) {
    for (const word of nameWords(text(field) ?? '')) for (const prefix of wordPrefixes(word)) tokens.add(`name:${prefix}`);
  }
  const phone = text(roles.phone);
  const e164 = phone === undefined ? undefined : toE164(phone);
  if (e164) tokens.add(`phone:${e164}`);
  for (const field of roles.contactEmail ?? []) {
    const email = text(field);
    if (email) tokens.add(emailToken(email));
  }
  return [...tokens];
}

export interface SearchQuery {
  kind: SearchKind;
  /** Every one must match (a name's words). */
  tokens: string[];
}

const CONTROL = /[\p{Cc}\p{Cf}]/u;

/**
 * What staff typed, as tokens: an address with `@` is an email, digits (any script, any spacing, a leading `+`)
 * are a phone number, anything else a name of one or more words. Empty, too long or control characters: 400.
 */
export function parseSearchQuery(typed: string | undefined): SearchQuery {
  const q = (typed ?? '').trim();
  if (!q) throw new InvalidRequest('q is required: a name, a phone number or an email address.');
  if (q.length > MAX_QUERY_LENGTH) throw new InvalidRequest(`q must be at most ${MAX_QUERY_LENGTH} characters.`);
  if (CONTROL.test(q)) throw new InvalidRequest('q must not contain control characters.');
  if (q.includes('@')) return { kind: 'email', tokens: [emailToken(q)] };
  const ascii = asciiDigits(q);
  if (/^[+\d\s().-]+$/.test(ascii)) {
    const e164 = toE164(ascii.replace(/\./g, ''));
    if (!e164) throw new InvalidRequest('q is not a phone number: too few or too many digits.');
    return { kind: 'phone', tokens: [`phone:${e164}`] };
  }
  const words = nameWords(q);
  if (words.length === 0) throw new InvalidRequest('q has no letters or digits to search for.');
  return { kind: 'name', tokens: [...new Set(words.map((w) => `name:${queryWord(w)}`))] };
}
