import { useRef, useState, type FormEvent } from 'react';
import { navigate } from '../router.js';
import { formatReference } from '../../../schemas/src/reference.js';
import { submissionPath } from './staff-routes.js';
import { t } from './texts.js';

/** Goes straight to a submission by its reference, typed in any case, with or without spaces and dashes. */
export function ReferenceSearch() {
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = input.current?.value ?? '';
    const reference = formatReference(typed);
    if (!reference) {
      setError(typed.trim() ? t('search.malformed') : t('search.empty'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    navigate(submissionPath(reference));
  }

  return (
    <form role="search" className="staff-search" noValidate onSubmit={submit}>
      <div className={`staff-field${error ? ' staff-field--error' : ''}`}>
        <label htmlFor="staff-reference">{t('search.label')}</label>
        <p id="staff-reference-hint" className="hint">
          {t('search.hint')}
        </p>
        {error ? (
          <p id="staff-reference-error" className="staff-field__error">
            <span className="visually-hidden">{t('app.error')} </span>
            {error}
          </p>
        ) : null}
        <div className="staff-search__row">
          <input
            ref={input}
            id="staff-reference"
            name="reference"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'staff-reference-hint staff-reference-error' : 'staff-reference-hint'}
          />
          <button type="submit" className="button">
            {t('search.button')}
          </button>
        </div>
      </div>
    </form>
  );
}
