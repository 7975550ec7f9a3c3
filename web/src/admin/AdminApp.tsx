import { useLocation } from '../router.js';
import { StaffHeading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { parseAdminPath } from './admin-routes.js';
import { FormListPage } from './FormListPage.js';
import { FormWorkbench } from './FormWorkbench.js';
import './admin.css';

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
  switch (route.view) {
    case 'forms':
      return <FormListPage />;
    case 'form':
      return <FormWorkbench key={route.formId} formId={route.formId} tab={route.tab} />;
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
