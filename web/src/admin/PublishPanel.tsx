import { useState } from 'react';
import { MAX_CHANGE_NOTE_LENGTH } from '../../../schemas/src/admin-contract.js';
import type { FormProblem } from '../../../schemas/src/problems.js';
import { errorText } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { DraftDifference } from './DraftDifference.js';
import { ProblemList } from './ProblemList.js';
import { errorsOf } from './problem-paths.js';
import type { Draft } from './use-draft.js';

/**
 * Publishing: possible only without errors, with a short note for the history; says what changes for residents
 * (the lint's continuity warnings: questions removed or changed, which the next export shows).
 */
export function PublishPanel({
  draft,
  problems,
  onPublished,
}: {
  draft: Draft;
  problems: FormProblem[];
  onPublished: (version: number) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [published, setPublished] = useState<number>();
  const errors = errorsOf(problems);
  const changes = problems.filter((p) => p.severity === 'warning');

  async function publish() {
    if (!note.trim()) {
      setMessage({ kind: 'error', text: t('workbench.noteRequired') });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    const result = await draft.publish(note.trim());
    setBusy(false);
    if ('version' in result) {
      setNote('');
      setMessage({ kind: 'ok', text: t('workbench.published', { version: result.version }) });
      setPublished(result.version);
      onPublished(result.version);
    } else if ('problems' in result) setMessage({ kind: 'error', text: t('workbench.publishBlocked') });
    else setMessage({ kind: 'error', text: t('workbench.publishFailed', { reason: errorText(result.error) }) });
  }

  return (
    <section className="wb-publish" aria-labelledby="wb-publish-heading">
      <h2 id="wb-publish-heading">{t('workbench.publishHeading')}</h2>
      <p>{t('workbench.publishText')}</p>
      {draft.state.status === 'ready' ? <DraftDifference key={published} def={draft.state.definition} /> : null}
      {changes.length ? (
        <>
          <h3>{t('workbench.changesForResidents')}</h3>
          <ProblemList problems={changes} />
        </>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <div className="wb-field">
          <label htmlFor="wb-publish-note">{t('workbench.publishNote')}</label>
          <textarea
            id="wb-publish-note"
            rows={2}
            maxLength={MAX_CHANGE_NOTE_LENGTH}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        {errors.length ? <p id="wb-publish-blocked">{t('workbench.publishBlocked')}</p> : null}
        <button
          type="submit"
          className="button"
          disabled={busy || errors.length > 0}
          aria-describedby={errors.length ? 'wb-publish-blocked' : undefined}
        >
          {busy ? t('workbench.publishing') : t('workbench.publish')}
        </button>
      </form>
      {message ? (
        <p className={`notice${message.kind === 'error' ? ' notice--error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
