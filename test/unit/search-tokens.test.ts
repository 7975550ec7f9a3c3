import { describe, expect, it } from 'vitest';
import { InvalidRequest } from '../../functions/src/domain/errors.js';
import { nameWords, parseSearchQuery, submissionTokens } from '../../functions/src/domain/staff/search-tokens.js';
import { catalog } from '../support/test-app.js';

const guidance = catalog.forms.find((f) => f.id === 'guidance')!;

describe('search tokens', () => {
  it('read names without case or diacritics, in any script, word by word', () => {
    expect(nameWords('Mäkinen-Šulc  Ånström')).toEqual(['makinen', 'sulc', 'anstrom']);
    expect(nameWords('Омар Хайям')).toEqual(['омар', 'хаиям']);
    expect(nameWords('محمد علي')).toEqual(['محمد', 'علي']);
  });

  it('come from the answers the form names in its roles, never from other answers', () => {
    const tokens = submissionTokens(guidance, {
      fullName: 'Li Kovalenko',
      latinName: 'Li Kovalenko',
      phone: '٠٤٠ ١٢٣ ٤٥٦٧',
      email: 'Li@Example.com',
      message: 'Olena',
    });
    expect(tokens).toEqual([
      'name:li',
      'name:kov',
      'name:kova',
      'name:koval',
      'name:kovale',
      'name:kovalen',
      'name:kovalenk',
      'name:kovalenko',
      'phone:+358401234567',
      'email:li@example.com',
    ]);
  });

  it('read a query as an email, a phone number or the words of a name', () => {
    expect(parseSearchQuery(' LI@example.com ')).toEqual({ kind: 'email', tokens: ['email:li@example.com'] });
    expect(parseSearchQuery('(040) 123-45.67')).toEqual({ kind: 'phone', tokens: ['phone:+358401234567'] });
    expect(parseSearchQuery('Kovalenko, Li')).toEqual({ kind: 'name', tokens: ['name:kovalenko', 'name:li'] });
    expect(parseSearchQuery('a'.repeat(30))).toEqual({ kind: 'name', tokens: [`name:${'a'.repeat(20)}`] });
  });

  it('refuse what cannot be searched for', () => {
    for (const q of [undefined, '', ' ', '#!?', '123', 'x'.repeat(101), 'a\tb']) {
      expect(() => parseSearchQuery(q), JSON.stringify(q)).toThrow(InvalidRequest);
    }
  });
});
