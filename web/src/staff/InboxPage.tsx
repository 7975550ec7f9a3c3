import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router.js';
import { BulkBar, bulkErrorText, bulkResultText } from './BulkBar.js';
import type { StaffCatalog } from './catalog.js';
import { activeFilterCount, csvHasAnswers, exportHref, filtersFromSearch, filtersToSearch, inboxApiQuery } from './inbox-filters.js';
import { InboxFiltersForm } from './InboxFiltersForm.js';
import { InboxList } from './InboxList.js';
import { ReferenceSearch } from './ReferenceSearch.js';
import { ResidentSearch } from './ResidentSearch.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from './staff-ui.js';
import { t } from './texts.js';
import { useInbox, type InboxState } from './use-inbox.js';

export const PAGE_SIZE = 25;

const EXPORTS = [
  ['xlsx', 'inbox.exportXlsx'],
  ['csv-fi', 'inbox.exportCsvFi'],
  ['csv', 'inbox.exportCsv'],
] as const;

// The inbox address last shown, so "back to the inbox" from a submission keeps the filters.
let lastInbox = '/staff';

/** Where "back to the inbox" goes: the inbox with the filters it last had. */
export const inboxHref = () => lastInbox;

function countText(state: InboxState & { status: 'ready' }, filtered: boolean): string {
  const n = state.items.length;
  if (n === 0) return filtered ? t('inbox.noneFiltered') : t('inbox.none');
  return t(state.cursor ? 'inbox.newest' : 'inbox.count', { count: n });
}

/**
 * The submissions selected for a bulk change (forgotten when the filters change) and the sentence saying what the
 * last change did, which takes focus so that a screen reader reads it.
 */
function useBulkSelection(query: string) {
  const [selection, setSelection] = useState<{ query: string; refs: ReadonlySet<string> }>({ query, refs: new Set() });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const ref = useRef<HTMLParagraphElement>(null);
  const selected = selection.query === query ? selection.refs : new Set<string>();
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  useEffect(() => setMessage(undefined), [query]);

  function toggle(reference: string) {
    const next = new Set(selected);
    if (!next.delete(reference)) next.add(reference);
    setSelection({ query, refs: next });
  }
  const clear = () => setSelection({ query, refs: new Set() });
  function report(kind: 'ok' | 'error', text: string) {
    if (kind === 'ok') clear();
    setMessage({ kind, text });
  }
  return { selected, toggle, clear, report, message: { ref, kind: message?.kind ?? 'ok', text: message?.text ?? '' } };
}

/** `/staff`: the submissions of the member's municipalities, newest first, with search, filters and export. */
export function InboxPage({ search, catalog }: { search: string; catalog: StaffCatalog }) {
  const { me, sessionEnded } = useSession();
  const filters = filtersFromSearch(search);
  const query = inboxApiQuery(filters, me, { limit: PAGE_SIZE });
  const { state, retry, loadMore } = useInbox(query);
  // After "load more", focus goes to the first new item; only for the list it was loaded into.
  const [focus, setFocus] = useState<{ query: string; index: number }>();
  lastInbox = `/staff${filtersToSearch(filters)}`;
  const { selected, toggle, clear, message, report } = useBulkSelection(query);

  const error =
    state.status === 'failed' ? state.error : state.status === 'ready' && typeof state.more === 'object' ? state.more.error : undefined;
  useEffect(() => {
    if (isSignedOut(error)) sessionEnded();
  }, [error, sessionEnded]);

  const filtered = activeFilterCount(filters) > 0;
  const single = me.municipalities.length === 1 ? catalog.municipalityNames[me.municipalities[0]!] : undefined;

  return (
    <>
      <StaffHeading>{t('inbox.heading')}</StaffHeading>
      <p className="lead">{single ? t('inbox.leadOf', { municipality: single }) : t('inbox.lead')}</p>
      <ReferenceSearch />
      <ResidentSearch catalog={catalog} />
      <InboxFiltersForm filters={filters} me={me} catalog={catalog} onApply={(f) => navigate(`/staff${filtersToSearch(f)}`)} />

      <section className="staff-results" aria-labelledby="staff-results-heading">
        <div className="staff-results__header">
          <h2 id="staff-results-heading">{t('inbox.results')}</h2>
          <div className="staff-export">
            <ul>
              {EXPORTS.map(([format, label]) => (
                <li key={format}>
                  <a href={exportHref(filters, me, format)} download>
                    {t(label)}
                  </a>
                </li>
              ))}
            </ul>
            <p className="hint">
              {t(
                csvHasAnswers(filters, me)
                  ? 'inbox.csvWithAnswers'
                  : me.municipalities.length > 1
                    ? 'inbox.csvChooseMunicipalityAndForm'
                    : 'inbox.csvChooseForm',
              )}
            </p>
          </div>
        </div>
        <p
          ref={message.ref}
          tabIndex={-1}
          role="status"
          className={message.text ? (message.kind === 'error' ? 'notice notice--error' : 'notice') : 'visually-hidden'}
        >
          {message.text}
        </p>
        <p role="status" className="staff-count">
          {state.status === 'ready' ? countText(state, filtered) : ''}
        </p>
        {state.status === 'loading' ? <StaffLoading /> : null}
        {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
        {state.status === 'ready' ? (
          <>
            <InboxList
              items={state.items}
              catalog={catalog}
              showMunicipality={me.municipalities.length > 1}
              focusIndex={focus?.query === query ? focus.index : undefined}
              selection={{ selected, onToggle: toggle }}
            />
            {selected.size ? (
              <BulkBar
                selected={state.items.map((i) => i.reference).filter((r) => selected.has(r))}
                onClear={clear}
                onDone={(action, result) => {
                  report('ok', bulkResultText(action, result));
                  retry();
                }}
                onError={(error) => {
                  if (isSignedOut(error)) sessionEnded();
                  else report('error', bulkErrorText(error));
                }}
              />
            ) : null}
            {typeof state.more === 'object' ? (
              <p className="notice notice--error" role="alert">
                {errorText(state.more.error)}
              </p>
            ) : null}
            {state.cursor ? (
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={state.more === 'loading' || undefined}
                onClick={() => void loadMore().then((index) => index !== undefined && setFocus({ query, index }))}
              >
                {state.more === 'loading' ? t('app.loading') : t('inbox.loadMore')}
              </button>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
