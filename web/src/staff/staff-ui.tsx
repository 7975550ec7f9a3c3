import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../router.js';
import { statusLabel } from './format.js';
import { hasStatus, StaffNetworkError, type Member, type Status } from './staff-api.js';
import { t } from './texts.js';

/** The signed-in member, and what to do when the server says the session has ended. */
export interface StaffSession {
  me: Member;
  sessionEnded: () => void;
}

export const SessionContext = createContext<StaffSession | null>(null);

export function useSession(): StaffSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

/** The page's one `h1`: names the document, and takes focus after an in-app move so screen readers follow. */
export function StaffHeading({ children, focus = false }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
    if (focus || hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [children, focus]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function StaffLoading() {
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A status as a labelled badge; the word carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: Status }) {
  return <span className={`staff-status staff-status--${status}`}>{statusLabel(status)}</span>;
}

/** A Finnish sentence for a failed request. */
export function errorText(error: unknown): string {
  if (error instanceof StaffNetworkError) return t('errors.network');
  if (hasStatus(error, 429)) return t('errors.tooManyRequests');
  if (hasStatus(error, 403)) return t('errors.forbidden');
  return t('errors.unknown');
}

/** True for a 401: the session has ended (expired or signed out elsewhere). */
export const isSignedOut = (error: unknown) => hasStatus(error, 401);

/** A failure to load, with a way to try again. */
export function LoadError({ error, onRetry, children }: { error: unknown; onRetry: () => void; children?: ReactNode }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
      {children}
    </div>
  );
}
