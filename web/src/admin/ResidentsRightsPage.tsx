import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText, isSignedOut, StaffHeading, useSession } from '../staff/staff-ui.js';
import { formatTime, statusLabel } from '../staff/format.js';
import { t } from '../staff/texts.js';
import { ErrorSummary, errorOf, FieldFrame, TextField, type FieldProblem } from './admin-form-ui.js';
import {
  AdminApiError,
  correctAnswer,
  eraseSubmission,
  fetchSubjectAccess,
  hasCode,
  type RightsField,
  type SubjectAccessExport,
} from './staff-admin-api.js';
import './admin-staff.css';

/** Saves the export as `koto-<reference>.json`: the resident's copy of everything stored about them. */
function download(data: SubjectAccessExport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `koto-${data.reference}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A text question takes the words as typed; any other answer is JSON (`true`, `3`, `["housing"]`). Empty removes it. */
function typedValue(field: RightsField, text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  if (field.type === 'string' || field.type === undefined) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const shownValue = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

function Correction({
  data,
  initial,
  onCorrected,
}: {
  data: SubjectAccessExport;
  /** The question chosen before the submission was loaded again (after a correction). */
  initial?: string;
  onCorrected: (field: RightsField) => void;
}) {
  const fields = data.form.fields;
  const [fieldId, setFieldId] = useState(initial ?? fields[0]?.id ?? '');
  const field = fields.find((f) => f.id === fieldId) ?? fields[0];
  const [text, setText] = useState(shownValue(data.answers[fieldId]));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refused, setRefused] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const { sessionEnded } = useSession();
  if (!field) return null;
  const isText = field.type === 'string' || field.type === undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || !field) return;
    const typed = typedValue(field, text);
    setRefused(undefined);
    setAttempt((n) => n + 1);
    if (!typed.ok) return setProblems([{ field: 'rights-value', message: t('rights.badJson') }]);
    setProblems([]);
    setSaving(true);
    try {
      await correctAnswer(data.reference, { field: field.id, value: typed.value, expectedVersion: data.version });
      onCorrected(field);
    } catch (e) {
      if (isSignedOut(e)) sessionEnded();
      setRefused(e);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="admin-panel" aria-labelledby="rights-correct-heading">
      <h2 id="rights-correct-heading">{t('rights.correctHeading')}</h2>
      <ErrorSummary problems={problems} focusKey={attempt}>
        {refused ? (
          hasCode(refused, 'conflict') ? (
            t('rights.conflict')
          ) : refused instanceof AdminApiError && refused.status === 400 ? (
            <>
              {t('rights.refused')} {refused.message}
            </>
          ) : (
            errorText(refused)
          )
        ) : null}
      </ErrorSummary>
      <form className="staff-form admin-form" noValidate onSubmit={submit}>
        <FieldFrame
          id="rights-field"
          label={t('rights.field')}
          control={(tie) => (
            <select
              id="rights-field"
              {...tie}
              value={field.id}
              onChange={(e) => {
                setFieldId(e.currentTarget.value);
                setText(shownValue(data.answers[e.currentTarget.value]));
                setProblems([]);
              }}
            >
              {fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        />
        <p className="hint">
          {data.answers[field.id] === undefined ? t('rights.noAnswer') : t('rights.current', { value: shownValue(data.answers[field.id]) })}
        </p>
        <FieldFrame
          id="rights-value"
          label={t('rights.value')}
          hint={isText ? t('rights.valueHintText') : t('rights.valueHintJson')}
          error={errorOf(problems, 'rights-value')}
          control={(tie) => (
            <textarea
              id="rights-value"
              rows={3}
              {...tie}
              spellcheck={isText}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        />
        <div className="staff-actions">
          <button type="submit" className="button" aria-disabled={saving || undefined}>
            {t('rights.correct')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Asks before erasing, saying what goes, what stays and what cannot be recalled; focus moves to the question. */
function ConfirmErasure({ reference, onDone }: { reference: string; onDone: (erased: boolean, error?: unknown) => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  async function erase() {
    if (busy) return;
    setBusy(true);
    try {
      await eraseSubmission(reference);
      onDone(true);
    } catch (e) {
      onDone(false, e);
    }
  }
  return (
    <div className="admin-confirm" role="group" aria-labelledby="confirm-erasure-heading">
      <h3 id="confirm-erasure-heading" ref={ref} tabIndex={-1}>
        {t('rights.confirmHeading', { reference })}
      </h3>
      <p>{t('rights.confirmGone')}</p>
      <p>{t('rights.confirmMail')}</p>
      <p>{t('rights.confirmBackups')}</p>
      <div className="staff-actions">
        <button type="button" className="button admin-danger" aria-disabled={busy || undefined} onClick={() => void erase()}>
          {t('rights.confirmErase')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('rights.cancel')}
        </button>
      </div>
    </div>
  );
}

/** One submission found: a summary, then export, correct and erase. */
function Found({ data, onChanged }: { data: SubjectAccessExport; onChanged: (notice: string, erased: boolean) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [lastField, setLastField] = useState<string>();
  const { sessionEnded } = useSession();
  return (
    <div className="admin-columns">
      <section className="admin-panel" aria-labelledby="rights-export-heading">
        <h2 id="rights-export-heading">{data.reference}</h2>
        <p>
          {t('rights.summary', {
            form: data.form.title,
            submittedAt: formatTime(data.submittedAt),
            status: statusLabel(data.status),
            deleteAfter: formatTime(data.deleteAfter),
          })}
        </p>
        <h3>{t('rights.exportHeading')}</h3>
        <p>{t('rights.exportText')}</p>
        <div className="staff-actions">
          <button type="button" className="button button--secondary" onClick={() => download(data)}>
            {t('rights.download')}
          </button>
        </div>
        <h3>{t('rights.eraseHeading')}</h3>
        <p>{t('rights.eraseText')}</p>
        {failure ? (
          <div className="notice notice--error" role="alert">
            <p>{errorText(failure)}</p>
          </div>
        ) : null}
        {confirming ? (
          <ConfirmErasure
            reference={data.reference}
            onDone={(erased, error) => {
              setConfirming(false);
              setFailure(error);
              if (isSignedOut(error)) sessionEnded();
              if (erased) onChanged(t('rights.erased', { reference: data.reference }), true);
              else requestAnimationFrame(() => document.getElementById('rights-erase')?.focus());
            }}
          />
        ) : (
          <div className="staff-actions">
            <button
              type="button"
              id="rights-erase"
              className="button button--secondary"
              onClick={() => {
                setFailure(undefined);
                setConfirming(true);
              }}
            >
              {t('rights.erase')}
            </button>
          </div>
        )}
      </section>
      <Correction
        key={`${data.reference}-${data.version}`}
        data={data}
        initial={lastField}
        onCorrected={(field) => {
          setLastField(field.id);
          onChanged(t('rights.corrected', { field: field.label }), false);
        }}
      />
    </div>
  );
}

/**
 * `/admin/rights`: a resident's rights by reference (docs/residents-rights.md): find the submission, download
 * everything stored about it, correct one answer, or erase it after a confirmation.
 */
export function ResidentsRightsPage() {
  const { sessionEnded } = useSession();
  const [reference, setReference] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<SubjectAccessExport>();
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  async function find(typed: string) {
    setBusy(true);
    setFailure(undefined);
    try {
      setFound(await fetchSubjectAccess(typed));
    } catch (e) {
      if (isSignedOut(e)) sessionEnded();
      setFound(undefined);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const typed = reference.trim();
    setAttempt((n) => n + 1);
    setNotice(undefined);
    if (!typed) return setProblems([{ field: 'rights-reference', message: t('rights.noReference') }]);
    setProblems([]);
    await find(typed);
  }

  return (
    <>
      <StaffHeading>{t('rights.heading')}</StaffHeading>
      <p>{t('rights.intro')}</p>
      <div role="status" className={notice ? 'notice' : undefined}>
        {notice ? <p>{notice}</p> : null}
      </div>
      <ErrorSummary problems={problems} focusKey={attempt} />
      <form className="staff-form admin-form" noValidate onSubmit={submit}>
        <TextField
          id="rights-reference"
          label={t('rights.reference')}
          hint={t('rights.referenceHint')}
          error={errorOf(problems, 'rights-reference')}
          autoComplete="off"
          spellcheck={false}
          value={reference}
          onInput={(e) => setReference(e.currentTarget.value)}
        />
        <div className="staff-actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t('rights.finding') : t('rights.find')}
          </button>
        </div>
      </form>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{hasCode(failure, 'not_found') ? t('rights.notFound', { reference: reference.trim() }) : errorText(failure)}</p>
        </div>
      ) : null}
      {found ? (
        <Found
          data={found}
          onChanged={(message, erased) => {
            setNotice(message);
            if (erased) setFound(undefined);
            // A correction reloads the submission (a new version, its history and trail); the export is audited again.
            else void find(found.reference);
          }}
        />
      ) : null}
    </>
  );
}
