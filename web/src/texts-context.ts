import { createContext, useContext } from 'react';
import type { LoadedTexts } from './i18n.js';

export const TextsContext = createContext<LoadedTexts | null>(null);

/** The interface texts of the page's language. */
export function useTexts(): LoadedTexts {
  const texts = useContext(TextsContext);
  if (!texts) throw new Error('useTexts outside TextsContext');
  return texts;
}
