import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MAX_NOTE_LENGTH } from '../../../schemas/src/staff-contract.js';
import { statusLabel } from './format.js';
import { STATUSES, type Colleague, type Status, type SubmissionDetail, type SubmissionPatch } from './staff-api.js';
import { errorText, isSignedOut, useSession } from './staff-ui.js';
import { t } from './texts.js';
import { useColleagues } from './use-colleagues.js';
import type { ChangeOutcome } from './use-submission.js';

interface Props {
  detail: SubmissionDetail;
  change: (patch: Omit<SubmissionPatch, 'expectedVersion'>) => Promise<ChangeOutcome>;
}

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * The people offered as assignee: the member, their colleagues by name, and whoever has it now when they are
 * neither (a shared mailbox that claimed it by link).
 */
function assigneeChoices(colleagues: Colleague[], email: string, current: string | null): Colleague[] {
  const choices = colleagues.some((c) => c.email === email) ? colleagues : [{ email, name: email }, ...colleagues];
  return current && !choices.some((c) => c.email === current) ? [...choices, { email: current, name: current }] : choices;
}

/**
 * Status, assignee and an internal note, saved together in one change; a quick claim and release beside. Every
 * change carries the version it was decided on.
 */
export function TriagePanel({ detail, change }: Props) {
  const { me, sessionEnded } = useSession();
  const [status, setStatus] = useState<Status>(detail.status);
  const [note, setNote] = useState('');
  const [askFeedback, setAskFeedback] = useState(false);
  const [assignee, setAssignee] = useState(detail.assignee ?? '');
  const colleagues = useColleagues(me.email);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);

  // The select follows the status when it changes (saved here, or found changed after a conflict), but a
  // choice not yet saved survives adding a note.
  useEffect(() => setStatus(detail.status), [detail.status]);
  useEffect(() => setAssignee(detail.assignee ?? ''), [detail.assignee]);

  async function run(patch: Omit<SubmissionPatch, 'expectedVersion'>, saved: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setMessage(undefined);
    const outcome = await change(patch);
    setBusy(false);
    if (outcome.kind === 'saved') {
      const asked = outcome.feedbackRequest ? ` ${t(`triage.feedbackSent.${outcome.feedbackRequest}`)}` : '';
      setMessage({ kind: 'ok', text: saved + asked });
      return true;
    }
    if (outcome.kind === 'failed' && isSignedOut(outcome.error)) sessionEnded();
    const text = outcome.kind === 'conflict' ? t('triage.conflict') : t('triage.notSaved', { reason: errorText(outcome.error) });
    setMessage({ kind: 'error', text: patch.note ? `${text} ${t('triage.noteKept')}` : text });
    // Errors are announced by role="alert"; focus goes there too so keyboard users find the reloaded state.
    requestAnimationFrame(() => alert.current?.focus());
    return false;
  }

  // One save: whatever of status, assignee and note changed goes in one request, one version.
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = note.trim();
    const patch: Omit<SubmissionPatch, 'expectedVersion'> = {
      ...(status !== detail.status ? { status } : {}),
      ...(assignee !== (detail.assignee ?? '') ? { assignee: assignee || null } : {}),
      ...(text ? { note: text } : {}),
      ...(closing && askFeedback ? { requestFeedback: true } : {}),
    };
    if (Object.keys(patch).length === 0) {
      setMessage({ kind: 'error', text: t('triage.nothingToSave') });
      requestAnimationFrame(() => alert.current?.focus());
      return;
    }
    void run(patch, t('triage.saved')).then((ok) => {
      if (!ok) return;
      setNote('');
      setAskFeedback(false);
    });
  }

  const mine = detail.assignee === me.email;
  // Asking the resident for feedback goes with closing the case, once.
  const closing = status === 'done' && detail.status !== 'done';
  const claim = () =>
    void run({ assignee: me.email, ...(detail.status === 'new' ? { status: 'in_progress' as const } : {}) }, t('triage.claimed'));
  const release = () => void run({ assignee: null }, t('triage.released'));

  return (
    <section id="triage" className="staff-panel" aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t('triage.heading')}</h2>
      <div ref={alert} tabIndex={-1} role="alert" className={message?.kind === 'error' ? 'notice notice--error' : undefined}>
        {message?.kind === 'error' ? <p>{message.text}</p> : null}
      </div>
      <p role="status" className={message?.kind === 'ok' ? 'staff-saved' : 'staff-saved staff-saved--empty'}>
        {message?.kind === 'ok' ? message.text : ''}
      </p>

      <div className="staff-assignee">
        <p>
          <span className="staff-assignee__label">{t('triage.assignee')} </span>
          {detail.assignee ? mine ? t('triage.you', { email: detail.assignee }) : <bdi>{detail.assignee}</bdi> : t('triage.nobody')}
        </p>
        {mine ? (
          <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={release}>
            {t('triage.release')}
          </button>
        ) : (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={claim}>
            {t('actions.claim')}
          </button>
        )}
      </div>

      <form className="staff-form" noValidate onSubmit={save}>
        <div className="staff-field">
          <label htmlFor="triage-status">{t('fields.status')}</label>
          <select id="triage-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor="triage-assignee">{t('fields.assignee')}</label>
          <select id="triage-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">{t('triage.nobody')}</option>
            {assigneeChoices(colleagues, me.email, detail.assignee).map((c) => (
              <option key={c.email} value={c.email}>
                {c.email === me.email ? t('triage.you', { email: c.email }) : c.name}
              </option>
            ))}
          </select>
        </div>
        {closing ? (
          <div className="staff-field staff-check">
            <input
              id="triage-feedback"
              type="checkbox"
              checked={askFeedback}
              onChange={(e) => setAskFeedback(e.currentTarget.checked)}
              aria-describedby="triage-feedback-hint"
            />
            <label htmlFor="triage-feedback">{t('triage.requestFeedback')}</label>
            <p id="triage-feedback-hint" className="hint">
              {t('triage.requestFeedbackHint')}
            </p>
          </div>
        ) : null}
        <div className="staff-field">
          <label htmlFor="triage-note">{t('triage.note')}</label>
          <p id="triage-note-hint" className="hint">
            {t('triage.noteHint', { max: MAX_NOTE_LENGTH })}
          </p>
          <textarea
            id="triage-note"
            rows={4}
            maxLength={MAX_NOTE_LENGTH}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            aria-describedby="triage-note-hint"
          />
        </div>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('triage.save')}
        </button>
      </form>
    </section>
  );
}
