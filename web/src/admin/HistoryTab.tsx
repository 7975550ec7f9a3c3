import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_CHANGE_NOTE_LENGTH } from '../../../schemas/src/admin-contract.js';
import { diffDefinitions } from '../../../schemas/src/definition-diff.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { formatTime } from '../staff/format.js';
import { errorText, LoadError, StaffLoading } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { fetchVersion, fetchVersions, rollBack, type VersionsResponse, type VersionSummary } from './admin-api.js';
import { DiffView } from './DiffView.js';
import type { Draft } from './use-draft.js';

/**
 * What the last rollback did, per form: reloading the draft remounts this tab (the workbench shows its loading state
 * in between), so the outcome is kept here to be told after.
 */
const rolledBack = new Map<string, string>();

type Load<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

/** The published versions, loaded again when `attempt` changes. */
function useVersions(formId: string): [Load<VersionsResponse>, () => void] {
  const [state, setState] = useState<Load<VersionsResponse>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetchVersions(formId).then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [formId, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/** Two versions' definitions, fetched once each (published versions never change). */
function usePair(formId: string, a: number | undefined, b: number | undefined) {
  const cache = useRef(new Map<number, Promise<FormDefinition>>());
  const [state, setState] = useState<Load<[FormDefinition, FormDefinition]>>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (a === undefined || b === undefined || a === b) {
      setState(undefined);
      return;
    }
    let live = true;
    const get = (n: number) => {
      let found = cache.current.get(n);
      if (!found) {
        found = fetchVersion(formId, n);
        found.catch(() => cache.current.delete(n));
        cache.current.set(n, found);
      }
      return found;
    };
    setState({ status: 'loading' });
    Promise.all([get(a), get(b)]).then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [formId, a, b, attempt]);
  return [state, () => setAttempt((n) => n + 1)] as const;
}

const versionLabel = (v: number, current: number | null) =>
  v === current ? t('workbench.history.currentVersion', { version: v }) : t('workbench.history.version', { version: v });

function Compare({ formId, versions, current }: { formId: string; versions: number[]; current: number | null }) {
  const newest = versions[0];
  const [to, setTo] = useState(current ?? newest);
  const [from, setFrom] = useState(versions.find((v) => v !== (current ?? newest)));
  const [pair, retry] = usePair(formId, from, to);
  const diff = useMemo(() => (pair?.status === 'ready' ? diffDefinitions(pair.value[0], pair.value[1]) : undefined), [pair]);
  if (versions.length < 2) return <p>{t('workbench.history.onlyOne')}</p>;
  const select = (id: string, label: string, value: number | undefined, set: (v: number) => void) => (
    <div className="wb-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {versionLabel(v, current)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <div className="wb-compare">
        {select('wb-compare-from', t('workbench.history.compareFrom'), from, setFrom)}
        {select('wb-compare-to', t('workbench.history.compareTo'), to, setTo)}
      </div>
      {from === to ? <p>{t('workbench.history.sameVersion')}</p> : null}
      {pair?.status === 'loading' ? <StaffLoading /> : null}
      {pair?.status === 'failed' ? <LoadError error={pair.error} onRetry={retry} /> : null}
      {pair?.status === 'ready' && diff ? (
        <div aria-live="polite">
          <p className="wb-diff__title">{t('workbench.history.diffHeading', { from: from ?? '', to: to ?? '' })}</p>
          <DiffView diff={diff} before={pair.value[0]} after={pair.value[1]} />
        </div>
      ) : null}
    </>
  );
}

/** Bringing back an older version: asks why and to confirm, then publishes it as the newest version. */
function RollBack({ formId, entry, draft }: { formId: string; entry: VersionSummary; draft: Draft }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const noteId = `wb-rollback-note-${entry.version}`;

  async function confirm() {
    setBusy(true);
    setFailure(undefined);
    try {
      // Unsaved edits would be lost to the reload; the rollback itself leaves the draft as it is.
      await draft.saveNow();
      const { version } = await rollBack(formId, entry.version, note.trim() || undefined);
      rolledBack.set(formId, t('workbench.history.rolledBack', { from: entry.version, version }));
      draft.reload();
    } catch (error) {
      setBusy(false);
      setFailure(t('workbench.history.rollBackFailed', { reason: errorText(error) }));
    }
  }

  if (!open)
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-describedby={`wb-version-${entry.version}`}
        onClick={() => setOpen(true)}
      >
        {t('workbench.history.rollBack')}
      </button>
    );
  return (
    <form
      className="wb-rollback"
      aria-labelledby={`wb-rollback-${entry.version}`}
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <h4 id={`wb-rollback-${entry.version}`}>{t('workbench.history.rollBackHeading', { version: entry.version })}</h4>
      <p>{t('workbench.history.rollBackText', { version: entry.version })}</p>
      <div className="wb-field">
        <label htmlFor={noteId}>{t('workbench.history.rollBackNote')}</label>
        <textarea id={noteId} rows={2} maxLength={MAX_CHANGE_NOTE_LENGTH} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div className="wb-question__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('workbench.history.rollingBack') : t('workbench.history.rollBackConfirm', { version: entry.version })}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t('workbench.history.cancel')}
        </button>
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
    </form>
  );
}

/** The History tab: every published version, newest first, the difference between any two, and rollback. */
export function HistoryTab({ formId, draft }: { formId: string; draft: Draft }) {
  const [versions, retry] = useVersions(formId);
  const [told] = useState(() => rolledBack.get(formId));
  const toldRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    rolledBack.delete(formId);
    toldRef.current?.focus();
  }, [formId]);

  return (
    <div className="wb-history">
      {told ? (
        <p className="notice" role="status" tabIndex={-1} ref={toldRef}>
          {told}
        </p>
      ) : null}
      {versions.status === 'loading' ? <StaffLoading /> : null}
      {versions.status === 'failed' ? <LoadError error={versions.error} onRetry={retry} /> : null}
      {versions.status === 'ready' ? <History formId={formId} draft={draft} response={versions.value} /> : null}
    </div>
  );
}

function History({ formId, draft, response }: { formId: string; draft: Draft; response: VersionsResponse }) {
  const entries = [...response.versions].sort((a, b) => b.version - a.version);
  if (!entries.length) return <p>{t('workbench.history.none')}</p>;
  return (
    <>
      <section aria-labelledby="wb-history-heading">
        <h2 id="wb-history-heading">{t('workbench.history.heading')}</h2>
        <p>{t('workbench.history.text')}</p>
        <ol className="wb-versions">
          {entries.map((entry) => (
            <li key={entry.version} className="wb-version">
              <h3 id={`wb-version-${entry.version}`}>{versionLabel(entry.version, response.current)}</h3>
              <p className="wb-version__by">
                {t('workbench.history.publishedBy', { who: entry.publishedBy, when: formatTime(entry.publishedAt) })}
              </p>
              <p className="wb-version__note">{entry.note || t('workbench.history.noNote')}</p>
              {entry.version !== response.current ? <RollBack formId={formId} entry={entry} draft={draft} /> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="wb-compare-heading">
        <h2 id="wb-compare-heading">{t('workbench.history.compareHeading')}</h2>
        <Compare formId={formId} versions={entries.map((e) => e.version)} current={response.current} />
      </section>
    </>
  );
}
