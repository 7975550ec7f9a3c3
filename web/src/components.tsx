import { useEffect, useRef, type ReactNode } from 'react';
import { hyphenate } from './hyphenate.js';
import { hasNavigated } from './router.js';
import { useTexts } from './texts-context.js';

/** The page's one `h1`: names the document and, after an in-app navigation, takes focus for screen readers. */
export function PageHeading({ children }: { children: string }) {
  const { t, lang } = useTexts();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [children, t]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {hyphenate(children, lang)}
    </h1>
  );
}

/** A polite "Loading…" line. */
export function Loading() {
  const { t } = useTexts();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failure to load, with a way to try again. */
export function LoadFailed({ message, onRetry, children }: { message?: string; onRetry: () => void; children?: ReactNode }) {
  const { t } = useTexts();
  return (
    <div className="notice notice--error" role="alert">
      <p>{message ?? t('app.loadFailed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('form.retry')}
      </button>
      {children}
    </div>
  );
}

/** The page for a path that names nothing. */
export function NotFound({ home }: { home: string }) {
  const { t } = useTexts();
  return (
    <>
      <PageHeading>{t('form.notFound')}</PageHeading>
      <p>
        <a className="standalone-link" href={home}>
          {t('app.home')}
        </a>
      </p>
    </>
  );
}
