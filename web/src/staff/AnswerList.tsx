import { dirOf, isLang } from '../../../schemas/src/languages.js';
import { ShownAnswerView } from '../ShownAnswerView.js';
import { languageName } from './format.js';
import type { AnswerView } from './staff-api.js';
import { t } from './texts.js';

const dirFor = (lang: string) => (isLang(lang) ? dirOf(lang) : 'auto');

/** A phone number to call (digits and a leading +) or an address to write to, as a link; else undefined. */
function contactHref(a: AnswerView): string | undefined {
  if (typeof a.value !== 'string') return undefined;
  if (a.contact === 'mailto') return `mailto:${a.value.trim()}`;
  if (a.contact === 'tel') return `tel:${a.value.trim().replace(/[^\d+]/g, '')}`;
  return undefined;
}

/**
 * The answers under their Finnish labels. When the resident used another language, the label they saw stands
 * beside it, and free text is shown exactly as typed, marked with its language so it is read out correctly.
 */
export function AnswerList({ answers, lang }: { answers: AnswerView[]; lang: string }) {
  const otherLanguage = lang !== 'fi';
  if (answers.length === 0) return <p>{t('submission.noAnswers')}</p>;
  return (
    <dl className="staff-answers">
      {answers.map((a) => (
        <div key={a.field} className="staff-answer">
          <dt>
            <span className="staff-answer__label">{a.label}</span>
            {otherLanguage && a.residentLabel ? (
              <span className="staff-answer__resident">
                <span className="visually-hidden">, {t('submission.residentLabel', { language: languageName(lang) })} </span>
                <span lang={lang} dir={dirFor(lang)}>
                  {a.residentLabel}
                </span>
              </span>
            ) : null}
          </dt>
          <dd>
            {contactHref(a) ? (
              <a className="staff-contact" href={contactHref(a)} dir="ltr">
                {a.display}
              </a>
            ) : a.freeText ? (
              // Isolated, its direction from its own letters: a name typed in Latin letters on an Arabic form, or one
              // with a stray override character, reads as typed and does not reorder what stands around it.
              <p className="staff-freetext" lang={a.lang} dir="auto">
                <bdi>{a.display}</bdi>
              </p>
            ) : (
              <ShownAnswerView answer={a.shown} empty="–" />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
