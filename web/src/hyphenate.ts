const SOFT_HYPHEN = '\u00ad';
const VOWELS = 'aeiouyäöå';
const LETTER = /[a-zäöå]/i;
/** Words at least this long may need to break in a heading on a small phone with large text. */
const LONG = 8;

/** Vowel pairs that stay in one syllable (diphthongs); any other pair of different vowels is a syllable break. */
const DIPHTHONGS = new Set(['ai', 'ei', 'oi', 'ui', 'yi', 'äi', 'öi', 'au', 'eu', 'ou', 'iu', 'ey', 'äy', 'öy', 'ie', 'uo', 'yö']);

function isVowel(c: string): boolean {
  return VOWELS.includes(c.toLowerCase());
}

/**
 * Soft hyphens at the syllable breaks of a long Finnish word, by the Finnish rule that a syllable starts at the last
 * consonant before a vowel, and between two vowels that are no diphthong: "Kotoutumispalvelujen" →
 * "Ko-tou-tu-mis-pal-ve-lu-jen", "Yhteiskuntaorientaatio" → "Yh-teis-kun-ta-o-rien-taa-tio". Each end keeps two letters.
 */
export function hyphenateFinnishWord(word: string): string {
  if (word.length < LONG || ![...word].every((c) => LETTER.test(c))) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!.toLowerCase();
    const before = word[i - 1]?.toLowerCase() ?? '';
    const consonantStart = !isVowel(c) && isVowel(word[i + 1] ?? '');
    const vowelSplit = isVowel(c) && isVowel(before) && c !== before && !DIPHTHONGS.has(before + c) && !isVowel(word[i - 2] ?? '');
    const breakHere = i >= 2 && i <= word.length - 2 && (consonantStart || vowelSplit);
    out += (breakHere ? SOFT_HYPHEN : '') + word[i];
  }
  return out;
}

/**
 * A heading's text with soft hyphens in its long words, so that on a narrow screen a long Finnish word breaks at
 * a syllable with a hyphen ("Kotoutumis-palvelujen") instead of mid-syllable without one. Browsers hyphenate
 * themselves (`hyphens: auto`) only where they carry a dictionary for the language, which many phones lack for
 * Finnish. Other languages are left to the browser.
 */
export function hyphenate(text: string, lang: string): string {
  if (lang !== 'fi') return text;
  return text.replace(/[A-Za-zÄÖÅäöå]+/g, hyphenateFinnishWord);
}
