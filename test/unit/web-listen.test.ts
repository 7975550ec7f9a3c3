import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../web/src/resident/listen.js';

const voice = (lang: string) => ({ lang, name: lang, voiceURI: lang, default: false, localService: true }) as SpeechSynthesisVoice;

describe('the voice for a page language', () => {
  it('is one whose language tag starts with the page language', () => {
    expect(voiceFor([voice('sv-SE'), voice('fi-FI')], 'fi')?.lang).toBe('fi-FI');
    expect(voiceFor([voice('ar')], 'ar')?.lang).toBe('ar');
    expect(voiceFor([voice('fa_IR')], 'fa')?.lang).toBe('fa_IR');
  });

  it('is none when the device has no voice for it, and Filipino is not Finnish', () => {
    expect(voiceFor([voice('fil-PH'), voice('en-GB')], 'fi')).toBeUndefined();
    expect(voiceFor([voice('fil-PH')], 'tl')).toBeUndefined();
    expect(voiceFor([], 'en')).toBeUndefined();
  });
});
