import { useEffect } from 'react';
import { LANGUAGE_COLUMNS, REVIEW_LABELS, reviewState } from './admin-format.js';
import { languageName } from './format.js';
import { fetchAdminForms, type FormLanguages } from './staff-api.js';
import { isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from './staff-ui.js';
import { useAsync } from '../use-async.js';

function ReviewCells({ row }: { row: Pick<FormLanguages, 'languages'> }) {
  return (
    <>
      {LANGUAGE_COLUMNS.map((l) => {
        const state = reviewState(row, l.code);
        return (
          <td key={l.code} className={`staff-review staff-review--${state}`}>
            {REVIEW_LABELS[state]}
          </td>
        );
      })}
    </>
  );
}

function LanguageTable({ forms, shared }: { forms: FormLanguages[]; shared: Pick<FormLanguages, 'languages'> }) {
  if (forms.length === 0) return <p>Ei julkaistuja lomakkeita.</p>;
  return (
    // A wide table scrolls on its own on a phone (the heading stays in view); the region can be scrolled by keyboard.
    <div className="staff-table-scroll" role="region" aria-labelledby="admin-languages-heading" tabIndex={0}>
      <table className="staff-table" aria-labelledby="admin-languages-heading">
        <thead>
          <tr>
            <th scope="col">Lomake</th>
            {LANGUAGE_COLUMNS.map((l) => (
              <th key={l.code} scope="col">
                <span lang={l.code} dir={l.dir}>
                  {l.name}
                </span>{' '}
                {languageName(l.code) !== l.name ? <span className="staff-table__sub">{languageName(l.code)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              Yhteiset tekstit <span className="staff-table__sub">käyttöliittymä, vahvistusviesti, kuntien tiedot</span>
            </th>
            <ReviewCells row={shared} />
          </tr>
          {forms.map((form) => (
            <tr key={form.id}>
              <th scope="row">
                {form.title} <span className="staff-table__sub">versio {form.version}</span>
              </th>
              <ReviewCells row={form} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/admin`: for admins, every form with the review state of each of its languages. */
export function AdminPage() {
  const { me, sessionEnded } = useSession();
  const admin = me.role === 'admin';
  const [state, retry] = useAsync(
    () => (admin ? fetchAdminForms() : Promise.resolve({ forms: [], sharedTexts: { languages: [] } })),
    admin ? 'forms' : 'none',
  );
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  if (!admin) {
    return (
      <>
        <StaffHeading>Ei oikeuksia</StaffHeading>
        <p>Ylläpidon sivu on vain ylläpitäjille. Jos tarvitset pääsyn, pyydä sitä organisaatiosi ylläpitäjältä.</p>
        <p>
          <a href="/staff">Saapuneet lomakkeet</a>
        </p>
      </>
    );
  }

  return (
    <>
      <StaffHeading>Ylläpito</StaffHeading>
      <h2 id="admin-languages-heading">Lomakkeiden kielet</h2>
      <p>
        Lomake tarjotaan asukkaille jokaisella kielellä, jonka käännös on valmis. Kieli, jota äidinkielinen puhuja ei ole vielä tarkistanut,
        on tarjolla, ja se on merkitty lomakkeen tietoihin tarkistamattomaksi (”ei tarkistettu”); saavutettavuusseloste kertoo asukkaille,
        että käännöksiä ei ole vielä tarkistettu. ”Ei tarjolla” tarkoittaa, että käännös puuttuu eikä lomaketta näytetä sillä kielellä.
      </p>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <LanguageTable forms={state.value.forms} shared={state.value.sharedTexts} /> : null}
    </>
  );
}
