import { useEffect, useState } from 'react';

/** A voice that speaks `lang`: `fi` matches `fi-FI` and `fi_FI`, never `fil-PH`. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  return voices.find((voice) => {
    const tag = voice.lang.toLowerCase().replace('_', '-');
    return tag === lang || tag.startsWith(`${lang}-`);
  });
}

function synthesis(): SpeechSynthesis | undefined {
  return typeof speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : undefined;
}

/** The device's voice for `lang`, if it has one; browsers list their voices late, so it follows `voiceschanged`. */
export function useVoice(lang: string): SpeechSynthesisVoice | undefined {
  const [voice, setVoice] = useState(() => voiceFor(synthesis()?.getVoices() ?? [], lang));
  useEffect(() => {
    const synth = synthesis();
    if (!synth?.addEventListener) return;
    const update = () => setVoice(voiceFor(synth.getVoices(), lang));
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [lang]);
  return voice;
}

export interface ListenProps {
  /** The question's label: read first and named in the button's accessible name. */
  label: string;
  hint?: string;
  voice: SpeechSynthesisVoice;
  /** The language of the label and hint. */
  lang: string;
  /** The visible word ("Listen") and its language (English until translated). */
  word: string;
  wordLang: string;
}

/** Reads a question's label and hint aloud, for residents who read with difficulty. */
export function ListenButton({ label, hint, voice, lang, word, wordLang }: ListenProps) {
  const speak = () => {
    const synth = synthesis();
    if (!synth) return;
    const utterance = new SpeechSynthesisUtterance(hint ? `${label}. ${hint}` : label);
    utterance.lang = lang;
    utterance.voice = voice;
    synth.cancel();
    synth.speak(utterance);
  };
  return (
    <button type="button" className="listen-button" aria-label={`${word}: ${label}`} onClick={speak}>
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 9v6h4l5 5V4L7 9H3Zm13.5 3A4.5 4.5 0 0 0 14 7.97v8.05A4.47 4.47 0 0 0 16.5 12ZM14 3.23v2.06a7 7 0 0 1 0 13.42v2.06a9 9 0 0 0 0-17.54Z" />
      </svg>
      <span lang={wordLang === lang ? undefined : wordLang}>{word}</span>
    </button>
  );
}
