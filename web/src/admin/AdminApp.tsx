import { useLocation } from '../router.js';
import { StaffHeading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { parseAdminPath } from './admin-routes.js';
import { FormListPage } from './FormListPage.js';
import { FormWorkbench } from './FormWorkbench.js';
import { MunicipalitiesAdminPage } from './MunicipalitiesAdminPage.js';
import { ResidentsRightsPage } from './ResidentsRightsPage.js';
import { SpamAdminPage } from './SpamAdminPage.js';
import { StaffAdminPage } from './StaffAdminPage.js';
import './admin.css';

const SECTIONS = [
  { path: '/admin', key: 'workbench.nav.forms', current: (p: string) => p === '/admin' || p.startsWith('/admin/forms') },
  { path: '/admin/staff', key: 'workbench.nav.staff', current: (p: string) => p === '/admin/staff' },
  { path: '/admin/municipalities', key: 'workbench.nav.municipalities', current: (p: string) => p === '/admin/municipalities' },
  { path: '/admin/rights', key: 'workbench.nav.rights', current: (p: string) => p === '/admin/rights' },
  { path: '/admin/spam', key: 'workbench.nav.spam', current: (p: string) => p === '/admin/spam' },
] as const;

/** The workbench's parts: forms, staff, municipalities, residents' rights, suspected spam. */
function AdminNav({ path }: { path: string }) {
  return (
    <nav className="wb-tabs" aria-label={t('workbench.nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.path}>
            <a href={s.path} aria-current={s.current(path) ? 'page' : undefined}>
              {t(s.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The admins' workbench (`/admin…`), a lazy chunk of its own inside the staff area: forms, their drafts and staff. */
export function AdminApp() {
  const { path } = useLocation();
  const { me } = useSession();
  const route = parseAdminPath(path);
  if (me.role !== 'admin')
    return (
      <>
        <StaffHeading>{t('admin.noAccess')}</StaffHeading>
        <p>{t('admin.noAccessText')}</p>
        <p>
          <a href="/staff">{t('inbox.heading')}</a>
        </p>
      </>
    );
  return (
    <>
      <AdminNav path={path} />
      <AdminView route={route} />
    </>
  );
}

function AdminView({ route }: { route: ReturnType<typeof parseAdminPath> }) {
  switch (route.view) {
    case 'forms':
      return <FormListPage />;
    case 'form':
      return <FormWorkbench key={route.formId} formId={route.formId} tab={route.tab} />;
    case 'staff':
      return <StaffAdminPage />;
    case 'municipalities':
      return <MunicipalitiesAdminPage />;
    case 'rights':
      return <ResidentsRightsPage />;
    case 'spam':
      return <SpamAdminPage />;
    default:
      return (
        <>
          <StaffHeading>{t('app.notFound')}</StaffHeading>
          <p>
            <a href="/admin">{t('admin.heading')}</a>
          </p>
        </>
      );
  }
}
