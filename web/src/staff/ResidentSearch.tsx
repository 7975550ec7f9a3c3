import { useRef, useState, type FormEvent } from 'react';
import type { StaffCatalog } from './catalog.js';
import { InboxList } from './InboxList.js';
import { hasStatus, searchResidents, type InboxItem } from './staff-api.js';
import { isSignedOut, LoadError, StaffLoading, useSession } from './staff-ui.js';
import { t } from './texts.js';

type State = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; items: InboxItem[] } | { status: 'failed'; error: unknown };

/**
 * Finds the resident who calls: by name (a word or its first letters, Latin or own script), phone number in any
 * formatting, or email. What was typed stays in the page, never in its address or history.
 */
export function ResidentSearch({ catalog }: { catalog: StaffCatalog }) {
  const { me, sessionEnded } = useSession();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [fieldError, setFieldError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  async function run() {
    const q = input.current?.value.trim() ?? '';
    if (!q) {
      setFieldError(t('residentSearch.empty'));
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    setState({ status: 'loading' });
    try {
      const page = await searchResidents(q);
      setState({ status: 'ready', items: page.items });
    } catch (error) {
      if (isSignedOut(error)) return sessionEnded();
      if (hasStatus(error, 400)) {
        setState({ status: 'idle' });
        setFieldError(t('residentSearch.invalid'));
        input.current?.focus();
        return;
      }
      setState({ status: 'failed', error });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run();
  }

  const describedBy = fieldError ? 'staff-resident-hint staff-resident-error' : 'staff-resident-hint';
  return (
    <>
      <form role="search" className="staff-search" noValidate onSubmit={submit}>
        <div className={`staff-field${fieldError ? ' staff-field--error' : ''}`}>
          <label htmlFor="staff-resident">{t('residentSearch.label')}</label>
          <p id="staff-resident-hint" className="hint">
            {t('residentSearch.hint')}
          </p>
          {fieldError ? (
            <p id="staff-resident-error" className="staff-field__error">
              <span className="visually-hidden">{t('app.error')} </span>
              {fieldError}
            </p>
          ) : null}
          <div className="staff-search__row">
            <input
              ref={input}
              id="staff-resident"
              name="resident"
              type="search"
              autoComplete="off"
              spellcheck={false}
              maxLength={100}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={describedBy}
            />
            <button type="submit" className="button">
              {t('residentSearch.button')}
            </button>
          </div>
        </div>
      </form>
      {state.status === 'idle' ? null : (
        <section className="staff-results" aria-labelledby="staff-resident-results">
          <h2 id="staff-resident-results">{t('residentSearch.results')}</h2>
          <p role="status" className="staff-count">
            {state.status === 'ready'
              ? state.items.length
                ? t('residentSearch.count', { count: state.items.length })
                : t('residentSearch.none')
              : ''}
          </p>
          {state.status === 'loading' ? <StaffLoading /> : null}
          {state.status === 'failed' ? <LoadError error={state.error} onRetry={() => void run()} /> : null}
          {state.status === 'ready' ? (
            <InboxList items={state.items} catalog={catalog} showMunicipality={me.municipalities.length > 1} />
          ) : null}
        </section>
      )}
    </>
  );
}
