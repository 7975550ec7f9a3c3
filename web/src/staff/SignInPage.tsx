import { useRef, useState, type FormEvent } from 'react';
import { safeNextPath } from '../../../schemas/src/next-path.js';
import { hasStatus, requestSignInLink } from './staff-api.js';
import { isEmailAddress } from '../../../schemas/src/email.js';
import { errorText, StaffHeading } from './staff-ui.js';
import { t } from './texts.js';

type Step = { step: 'ask'; error?: string } | { step: 'sending' } | { step: 'sent' };

/** Sign-in by emailed link: the same answer for every address, so nobody learns which ones have an account. */
export function SignInPage({ notice }: { notice?: string }) {
  const [state, setState] = useState<Step>({ step: 'ask' });
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.step === 'sending') return;
    const email = input.current?.value.trim() ?? '';
    if (!isEmailAddress(email)) {
      setState({ step: 'ask', error: t('signIn.badEmail') });
      input.current?.focus();
      return;
    }
    setState({ step: 'sending' });
    try {
      // The mailed link leads back to this page (e.g. a submission opened from a notification), not the inbox, or to
      // the page that sent the member here to sign in (`?next=`, an action link's confirm page).
      const asked = safeNextPath(new URLSearchParams(window.location.search).get('next'));
      await requestSignInLink(email, asked ?? window.location.pathname);
      setState({ step: 'sent' });
    } catch (e) {
      const error = hasStatus(e, 400) ? t('signIn.badEmail') : errorText(e);
      setState({ step: 'ask', error });
      input.current?.focus();
    }
  }

  if (state.step === 'sent') {
    return (
      <>
        <StaffHeading focus>{t('signIn.sentHeading')}</StaffHeading>
        <p>{t('signIn.sent')}</p>
        <p>{t('signIn.openHere')}</p>
        <button type="button" className="button button--secondary" onClick={() => setState({ step: 'ask' })}>
          {t('signIn.again')}
        </button>
      </>
    );
  }

  const error = state.step === 'ask' ? state.error : undefined;
  return (
    <>
      <StaffHeading focus={Boolean(notice)}>{t('signIn.heading')}</StaffHeading>
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <p>{t('signIn.intro')}</p>
      <form className="staff-form" noValidate onSubmit={submit}>
        <div className={`staff-field${error ? ' staff-field--error' : ''}`}>
          <label htmlFor="staff-email">{t('signIn.email')}</label>
          {error ? (
            <p id="staff-email-error" className="staff-field__error">
              <span className="visually-hidden">{t('app.error')} </span>
              {error}
            </p>
          ) : null}
          <input
            ref={input}
            id="staff-email"
            name="email"
            type="email"
            autoComplete="email"
            spellcheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'staff-email-error' : undefined}
          />
        </div>
        <button type="submit" className="button" aria-disabled={state.step === 'sending' || undefined}>
          {state.step === 'sending' ? t('signIn.sending') : t('signIn.send')}
        </button>
      </form>
    </>
  );
}
