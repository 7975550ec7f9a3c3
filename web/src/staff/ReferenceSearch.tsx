import { useRef, useState, type FormEvent } from 'react';
import { navigate } from '../router.js';
import { formatReference } from '../../../schemas/src/reference.js';
import { submissionPath } from './staff-routes.js';

/** Goes straight to a submission by its reference, typed in any case, with or without spaces and dashes. */
export function ReferenceSearch() {
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = input.current?.value ?? '';
    const reference = formatReference(typed);
    if (!reference) {
      setError(typed.trim() ? 'Tunnus ei ole oikean muotoinen. Se on muotoa HEI-7KQ4-M2X9.' : 'Kirjoita asiointitunnus.');
      input.current?.focus();
      return;
    }
    setError(undefined);
    navigate(submissionPath(reference));
  }

  return (
    <form role="search" className="staff-search" noValidate onSubmit={submit}>
      <div className={`staff-field${error ? ' staff-field--error' : ''}`}>
        <label htmlFor="staff-reference">Hae asiointitunnuksella</label>
        <p id="staff-reference-hint" className="hint">
          Esimerkiksi HEI-7KQ4-M2X9. Kirjainkoolla ja väleillä ei ole väliä.
        </p>
        {error ? (
          <p id="staff-reference-error" className="staff-field__error">
            <span className="visually-hidden">Virhe: </span>
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
            Hae
          </button>
        </div>
      </div>
    </form>
  );
}
