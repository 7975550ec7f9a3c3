import { describe, expect, it } from 'vitest';
import { feedbackLink } from '../../web/src/resident/feedback-link.js';

describe("the accessibility statement's feedback link", () => {
  it("opens the resident's own-language form and, under an English statement, names that language", () => {
    expect(feedbackLink('ru', 'en', true)).toEqual({ lang: 'ru', name: 'русский' });
    expect(feedbackLink('fa', 'en', true)).toEqual({ lang: 'fa', name: 'دری / فارسی' });
  });

  it('adds no language name when the statement and the form share it', () => {
    expect(feedbackLink('fi', 'fi', true)).toEqual({ lang: 'fi' });
    expect(feedbackLink('en', 'en', true)).toEqual({ lang: 'en' });
  });

  it('falls back to the English form when the form is not offered in the language, and then says English only beside a statement in another language', () => {
    expect(feedbackLink('ru', 'en', false)).toEqual({ lang: 'en' });
    expect(feedbackLink('sv', 'sv', false)).toEqual({ lang: 'en', name: 'English' });
  });
});
