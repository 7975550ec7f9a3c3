import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from '../router.js';
import { InboxPage } from './InboxPage.js';
import { SignInPage } from './SignInPage.js';
import { fetchMe, hasStatus, signOut, type Member } from './staff-api.js';
import { ADMIN_PATH, parseStaffPath, REPORTS_PATH } from './staff-routes.js';
import { errorText, LoadError, SessionContext, StaffHeading, StaffLoading, type StaffSession } from './staff-ui.js';
import { SubmissionPage } from './SubmissionPage.js';
import { t } from './texts.js';
import { useCatalog } from './use-catalog.js';
import './staff.css';

// The admins' workbench is a chunk of its own: staff who are not admins never download it.
const AdminApp = lazy(() => import('../admin/AdminApp.js').then((m) => ({ default: m.AdminApp })));
// So are the reports (charts and their arithmetic): loaded when a member opens them.
const ReportsPage = lazy(() => import('./ReportsPage.js').then((m) => ({ default: m.ReportsPage })));

type Session =
  { status: 'checking' } | { status: 'in'; me: Member } | { status: 'out'; notice?: string } | { status: 'failed'; error: unknown };

function SignedIn({ path, me }: { path: string; me: Member }) {
  const catalog = useCatalog(me.municipalities);
  const route = parseStaffPath(path);
  switch (route.view) {
    case 'inbox':
      return <InboxPage search={window.location.search} catalog={catalog} />;
    case 'reports':
      return (
        <Suspense fallback={<StaffLoading />}>
          <ReportsPage search={window.location.search} catalog={catalog} />
        </Suspense>
      );
    case 'submission':
      return <SubmissionPage key={route.reference} reference={route.reference} catalog={catalog} />;
    case 'admin':
      return (
        <Suspense fallback={<StaffLoading />}>
          <AdminApp />
        </Suspense>
      );
    default:
      return (
        <>
          <StaffHeading>{t('app.notFound')}</StaffHeading>
          <p>
            <a href="/staff">{t('inbox.heading')}</a>
          </p>
        </>
      );
  }
}

/** The staff area (`/staff`, `/admin`), in Finnish: sign-in, the inbox, one submission, the admins' page. Loaded only by staff. */
export function StaffApp() {
  const { path } = useLocation();
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [signOutError, setSignOutError] = useState<string>();

  useEffect(() => {
    document.documentElement.lang = 'fi';
    document.documentElement.dir = 'ltr';
  }, []);

  useEffect(() => {
    let live = true;
    fetchMe().then(
      (me) => live && setSession({ status: 'in', me }),
      (error: unknown) => live && setSession(hasStatus(error, 401) ? { status: 'out' } : { status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const sessionEnded = useCallback(() => setSession({ status: 'out', notice: t('session.ended') }), []);
  const context = useMemo<StaffSession | null>(
    () => (session.status === 'in' ? { me: session.me, sessionEnded } : null),
    [session, sessionEnded],
  );

  async function leave() {
    setSignOutError(undefined);
    try {
      await signOut();
      setSession({ status: 'out', notice: t('session.signedOut') });
    } catch (e) {
      setSignOutError(t('session.signOutFailed', { reason: errorText(e) }));
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header staff-header">
        <div className="staff-header__inner">
          <a className="brand" href="/staff">
            {t('app.name')}
            <span className="staff-header__area">{t('app.area')}</span>
          </a>
          {context ? (
            <nav className="staff-header__user" aria-label={t('app.navigation')}>
              <a className="staff-header__link" href={REPORTS_PATH} aria-current={path === REPORTS_PATH ? 'page' : undefined}>
                {t('reports.link')}
              </a>
              {context.me.role === 'admin' ? (
                <a
                  className="staff-header__link"
                  href={ADMIN_PATH}
                  aria-current={path === ADMIN_PATH ? 'page' : path.startsWith(`${ADMIN_PATH}/`) ? 'true' : undefined}
                >
                  {t('app.adminLink')}
                </a>
              ) : null}
              <span className="staff-header__name">{context.me.name}</span>
              <button type="button" className="staff-signout" onClick={() => void leave()}>
                {t('session.signOut')}
              </button>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" className="staff-page" tabIndex={-1}>
        {signOutError ? (
          <p className="notice notice--error" role="alert">
            {signOutError}
          </p>
        ) : null}
        {session.status === 'checking' ? <StaffLoading /> : null}
        {session.status === 'failed' ? (
          <>
            <StaffHeading>{t('app.staffPages')}</StaffHeading>
            <LoadError error={session.error} onRetry={() => setAttempt((n) => n + 1)} />
          </>
        ) : null}
        {session.status === 'out' ? <SignInPage notice={session.notice} /> : null}
        {context ? (
          <SessionContext.Provider value={context}>
            <SignedIn path={path} me={context.me} />
          </SessionContext.Provider>
        ) : null}
      </main>
    </>
  );
}
