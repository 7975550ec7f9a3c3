import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isEmailAddress } from '../../../schemas/src/email.js';
import type { WalkIn } from '../../../schemas/src/types.js';
import { formatTime } from '../staff/format.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { useAsync } from '../use-async.js';
import { ErrorSummary, errorOf, FieldFrame, TextField, type FieldProblem } from './admin-form-ui.js';
import {
  AdminApiError,
  fetchAdminMunicipalities,
  hasCode,
  saveMunicipality,
  type AdminMunicipalitiesResponse,
  type AdminMunicipality,
  type SaveMunicipalityRequest,
} from './staff-admin-api.js';
import './admin-staff.css';

type Form = AdminMunicipalitiesResponse['forms'][number];
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DEFAULT = 'default';
/** The labels of the fields built in loops. */
const timeLabel = (key: 'opens' | 'closes') => (key === 'opens' ? t('adminMunicipalities.opens') : t('adminMunicipalities.closes'));
const contactLabel = (key: 'email' | 'phone' | 'address') =>
  key === 'email'
    ? t('adminMunicipalities.contactEmail')
    : key === 'phone'
      ? t('adminMunicipalities.contactPhone')
      : t('adminMunicipalities.contactAddress');

/** The form's state: mailboxes as typed (one a line), the walk-in as text fields until it is sent. */
interface Draft {
  forms: string[];
  routing: Record<string, string>;
  contact: { email: string; phone: string; address: string };
  hasWalkIn: boolean;
  walkIn: { weekday: string; opens: string; closes: string; address: string };
}

function draftOf(town: AdminMunicipality): Draft {
  return {
    forms: [...town.forms],
    routing: Object.fromEntries(Object.entries(town.routing).map(([key, list]) => [key, list.join('\n')])),
    contact: { ...town.contact },
    hasWalkIn: town.walkIn !== null,
    walkIn: town.walkIn ? { ...town.walkIn, weekday: String(town.walkIn.weekday) } : { weekday: '1', opens: '', closes: '', address: '' },
  };
}

const mailboxes = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,;]+/)
    .map((m) => m.trim())
    .filter(Boolean);

/** The forms offered, in the order of the published list, and the routing kept for them and for `default`. */
function requestOf(town: AdminMunicipality, draft: Draft, published: Form[]): SaveMunicipalityRequest {
  const forms = published.map((f) => f.id).filter((id) => draft.forms.includes(id));
  const routing = Object.fromEntries(
    [DEFAULT, ...forms].flatMap((key) => {
      const list = mailboxes(draft.routing[key]);
      return list.length ? [[key, list]] : [];
    }),
  );
  const walkIn: WalkIn | undefined = draft.hasWalkIn
    ? { ...draft.walkIn, weekday: Number(draft.walkIn.weekday), address: draft.walkIn.address.trim() }
    : undefined;
  const contact = { email: draft.contact.email.trim(), phone: draft.contact.phone.trim(), address: draft.contact.address.trim() };
  return { revision: town.revision, forms, routing, contact, ...(walkIn ? { walkIn } : {}) };
}

/** What the server would refuse, found before sending, in Finnish and linked to the field. */
function problemsOf(id: string, body: SaveMunicipalityRequest, labels: (key: string) => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, list] of Object.entries(body.routing))
    for (const value of list)
      if (!isEmailAddress(value))
        problems.push({ field: `${id}-routing-${key}`, message: t('adminMunicipalities.badEmail', { field: labels(key), value }) });
  const contactEmail = t('adminMunicipalities.contactEmail');
  if (!isEmailAddress(body.contact.email))
    problems.push({
      field: `${id}-contact-email`,
      message: t('adminMunicipalities.badEmail', { field: contactEmail, value: body.contact.email }),
    });
  if (!body.contact.phone)
    problems.push({
      field: `${id}-contact-phone`,
      message: t('adminMunicipalities.required', { field: t('adminMunicipalities.contactPhone') }),
    });
  if (!body.contact.address)
    problems.push({
      field: `${id}-contact-address`,
      message: t('adminMunicipalities.required', { field: t('adminMunicipalities.contactAddress') }),
    });
  const walkIn = body.walkIn;
  if (walkIn) {
    for (const key of ['opens', 'closes'] as const)
      if (!TIME.test(walkIn[key]))
        problems.push({
          field: `${id}-walkin-${key}`,
          message: t('adminMunicipalities.badTime', { field: timeLabel(key) }),
        });
    if (TIME.test(walkIn.opens) && TIME.test(walkIn.closes) && walkIn.opens >= walkIn.closes)
      problems.push({ field: `${id}-walkin-closes`, message: t('adminMunicipalities.closesFirst') });
    if (!walkIn.address)
      problems.push({
        field: `${id}-walkin-address`,
        message: t('adminMunicipalities.required', { field: t('adminMunicipalities.walkInAddress') }),
      });
  }
  return problems;
}

function MailboxField({
  id,
  label,
  hint,
  error,
  value,
  onInput,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(tie) => (
        <textarea
          id={id}
          rows={2}
          spellcheck={false}
          autoComplete="off"
          {...tie}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    />
  );
}

function Fieldset({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="admin-choices">
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="admin-form">{children}</div>
    </fieldset>
  );
}

/** One municipality's settings as a form of its own: saved with the revision it was loaded at. */
function TownForm({ town, published, onStale }: { town: AdminMunicipality; published: Form[]; onStale: () => void }) {
  const id = town.id;
  const { sessionEnded } = useSession();
  const [draft, setDraft] = useState(() => draftOf(town));
  const [revision, setRevision] = useState(town.revision);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refused, setRefused] = useState<ReactNode>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const title = (formId: string) => published.find((f) => f.id === formId)?.title ?? formId;
  const routingLabel = (key: string) =>
    key === DEFAULT ? t('adminMunicipalities.routingDefault') : t('adminMunicipalities.routingFor', { form: title(key) });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const body = requestOf({ ...town, revision }, draft, published);
    const found = problemsOf(id, body, routingLabel);
    setProblems(found);
    setRefused(undefined);
    setSaved(false);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setSaving(true);
    try {
      setRevision((await saveMunicipality(id, body)).revision);
      setSaved(true);
    } catch (e) {
      if (isSignedOut(e)) sessionEnded();
      setRefused(
        hasCode(e, 'stale_revision') ? (
          <>
            {t('adminMunicipalities.stale')}{' '}
            <button type="button" className="link-button" onClick={onStale}>
              {t('adminMunicipalities.reload')}
            </button>
          </>
        ) : e instanceof AdminApiError && e.status === 400 ? (
          <>
            {t('adminStaff.refused')} <span lang="en">{e.message}</span>
          </>
        ) : (
          errorText(e)
        ),
      );
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const offered = published.filter((f) => draft.forms.includes(f.id));
  const field = (name: string) => `${id}-${name}`;

  return (
    <section className="admin-panel" id={`town-${id}`} aria-labelledby={field('heading')}>
      <h2 id={field('heading')}>{town.name}</h2>
      <p className="admin-meta">
        {town.savedBy && town.savedAt
          ? t('adminMunicipalities.lastSaved', { by: town.savedBy, at: formatTime(town.savedAt) })
          : t('adminMunicipalities.fromFiles')}
      </p>
      <ErrorSummary problems={problems} focusKey={attempt}>
        {refused}
      </ErrorSummary>
      <div role="status">
        {saved ? (
          <div className="notice">
            <p>{t('adminMunicipalities.saved')}</p>
          </div>
        ) : null}
      </div>
      <form className="admin-form" noValidate onSubmit={submit}>
        <fieldset className="admin-choices">
          <legend>{t('adminMunicipalities.forms')}</legend>
          <p className="hint">{t('adminMunicipalities.formsHint')}</p>
          {published.map((form) => (
            <div className="admin-choice" key={form.id}>
              <input
                type="checkbox"
                id={field(`form-${form.id}`)}
                checked={draft.forms.includes(form.id)}
                onChange={(e) =>
                  set({ forms: e.currentTarget.checked ? [...draft.forms, form.id] : draft.forms.filter((f) => f !== form.id) })
                }
              />
              <label htmlFor={field(`form-${form.id}`)}>{form.title}</label>
            </div>
          ))}
        </fieldset>

        <Fieldset legend={t('adminMunicipalities.routing')} hint={t('adminMunicipalities.routingHint')}>
          {[DEFAULT, ...offered.map((f) => f.id)].map((key) => (
            <MailboxField
              key={key}
              id={field(`routing-${key}`)}
              label={routingLabel(key)}
              error={errorOf(problems, field(`routing-${key}`))}
              value={draft.routing[key] ?? ''}
              onInput={(value) => set({ routing: { ...draft.routing, [key]: value } })}
            />
          ))}
        </Fieldset>

        <Fieldset legend={t('adminMunicipalities.contact')}>
          {(['email', 'phone', 'address'] as const).map((key) => (
            <TextField
              key={key}
              id={field(`contact-${key}`)}
              label={contactLabel(key)}
              error={errorOf(problems, field(`contact-${key}`))}
              type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              value={draft.contact[key]}
              onInput={(e) => set({ contact: { ...draft.contact, [key]: e.currentTarget.value } })}
            />
          ))}
        </Fieldset>

        <fieldset className="admin-choices">
          <legend>{t('adminMunicipalities.walkIn')}</legend>
          <div className="admin-choice">
            <input
              type="checkbox"
              id={field('walkin-has')}
              checked={draft.hasWalkIn}
              onChange={(e) => set({ hasWalkIn: e.currentTarget.checked })}
            />
            <label htmlFor={field('walkin-has')}>{t('adminMunicipalities.walkInHas')}</label>
          </div>
          {draft.hasWalkIn ? (
            <div className="admin-form">
              <div className="staff-field">
                <label htmlFor={field('walkin-weekday')}>{t('adminMunicipalities.weekday')}</label>
                <select
                  id={field('walkin-weekday')}
                  value={draft.walkIn.weekday}
                  onChange={(e) => set({ walkIn: { ...draft.walkIn, weekday: e.currentTarget.value } })}
                >
                  {WEEKDAYS.map((day) => (
                    <option key={day} value={day}>
                      {t(`adminMunicipalities.weekdays.${day}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="admin-time">
                {(['opens', 'closes'] as const).map((key) => (
                  <TextField
                    key={key}
                    id={field(`walkin-${key}`)}
                    label={timeLabel(key)}
                    hint={t('adminMunicipalities.timeHint')}
                    error={errorOf(problems, field(`walkin-${key}`))}
                    inputMode="numeric"
                    autoComplete="off"
                    value={draft.walkIn[key]}
                    onInput={(e) => set({ walkIn: { ...draft.walkIn, [key]: e.currentTarget.value } })}
                  />
                ))}
              </div>
              <TextField
                id={field('walkin-address')}
                label={t('adminMunicipalities.walkInAddress')}
                error={errorOf(problems, field('walkin-address'))}
                autoComplete="off"
                value={draft.walkIn.address}
                onInput={(e) => set({ walkIn: { ...draft.walkIn, address: e.currentTarget.value } })}
              />
            </div>
          ) : null}
        </fieldset>

        <div className="staff-actions">
          <button type="submit" className="button" aria-disabled={saving || undefined}>
            {saving ? t('adminMunicipalities.saving') : t('adminMunicipalities.save', { name: town.name })}
          </button>
        </div>
      </form>
    </section>
  );
}

/** `/admin/municipalities`: for admins, each municipality's offered forms, mailboxes, contact details and walk-in. */
export function MunicipalitiesAdminPage() {
  // Only admins get here: AdminApp answers everyone else.
  const { sessionEnded } = useSession();
  const [load, setLoad] = useState(0);
  const [state, retry] = useAsync(fetchAdminMunicipalities, `municipalities-${load}`);
  const failed = state.status === 'failed' ? state.error : undefined;
  const reloaded = useRef(false);
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);
  useEffect(() => {
    if (state.status === 'ready' && reloaded.current) {
      reloaded.current = false;
      document.getElementById('municipalities-heading')?.focus();
    }
  }, [state.status]);

  return (
    <>
      <StaffHeading>{t('adminMunicipalities.heading')}</StaffHeading>
      <p id="municipalities-heading" tabIndex={-1}>
        {t('adminMunicipalities.intro')}
      </p>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <>
          <nav className="admin-town-nav" aria-label={t('adminMunicipalities.choose')}>
            <ul>
              {state.value.municipalities.map((town) => (
                <li key={town.id}>
                  <a href={`#town-${town.id}`}>{town.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="admin-columns">
            {state.value.municipalities.map((town) => (
              <TownForm
                key={`${town.id}-${town.revision}-${load}`}
                town={town}
                published={state.value.forms}
                onStale={() => {
                  reloaded.current = true;
                  setLoad((n) => n + 1);
                }}
              />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
