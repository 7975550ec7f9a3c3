import { describe, expect, it } from 'vitest';
import { hyphenate, hyphenateFinnishWord } from '../../web/src/hyphenate.js';

const shown = (text: string) => text.replaceAll('\u00ad', '-');

describe('Finnish headings on a small phone', () => {
  it('break long words at syllables', () => {
    expect(shown(hyphenateFinnishWord('Kotoutumispalvelujen'))).toBe('Ko-tou-tu-mis-pal-ve-lu-jen');
    expect(shown(hyphenateFinnishWord('Yhteiskuntaorientaatio'))).toBe('Yh-teis-kun-ta-o-rien-taa-tio');
    expect(shown(hyphenateFinnishWord('Saavutettavuusseloste'))).toBe('Saa-vu-tet-ta-vuus-se-los-te');
  });

  it('leave short words, other languages and the words themselves alone', () => {
    expect(hyphenate('Suostumus', 'fi')).toBe('Suos\u00adtu\u00admus');
    expect(hyphenate('Palaute', 'fi')).toBe('Palaute');
    expect(hyphenate('Kotoutumispalvelujen asiakkaaksi', 'et')).toBe('Kotoutumispalvelujen asiakkaaksi');
    expect(hyphenate('Kotoutumispalvelujen asiakkaaksi', 'fi').replaceAll('\u00ad', '')).toBe('Kotoutumispalvelujen asiakkaaksi');
  });
});
