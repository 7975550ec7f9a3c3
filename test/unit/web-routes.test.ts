import { describe, expect, it } from 'vitest';
import { parseRoute, pathInLanguage } from '../../web/src/routes.js';

describe('resident paths', () => {
  it('name the pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'languages' });
    expect(parseRoute('/fi')).toEqual({ page: 'municipalities', lang: 'fi' });
    expect(parseRoute('/en/heinola/')).toEqual({ page: 'services', lang: 'en', municipality: 'heinola' });
    expect(parseRoute('/ar/orimattila/guidance')).toEqual({ page: 'form', lang: 'ar', municipality: 'orimattila', formId: 'guidance' });
  });

  it('are not found when the language is unknown or the shape is wrong', () => {
    expect(parseRoute('/xx/heinola')).toEqual({ page: 'notFound' });
    expect(parseRoute('/en/heinola/guidance/extra')).toEqual({ page: 'notFound', lang: 'en' });
    expect(parseRoute('/en/Hei%20nola')).toEqual({ page: 'notFound', lang: 'en' });
    expect(parseRoute('/en/%E0%A4%A')).toEqual({ page: 'notFound', lang: 'en' });
  });

  it('switch language and keep the page', () => {
    expect(pathInLanguage('/en/heinola/guidance', 'fi')).toBe('/fi/heinola/guidance');
    expect(pathInLanguage('/sv', 'en')).toBe('/en');
    expect(pathInLanguage('/', 'sv')).toBe('/sv');
    expect(pathInLanguage('/xx/whatever', 'fi')).toBe('/fi');
  });
});
