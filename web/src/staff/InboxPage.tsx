import { useEffect, useState } from 'react';
import { navigate } from '../router.js';
import type { StaffCatalog } from './catalog.js';
import { activeFilterCount, csvHasAnswers, csvHref, filtersFromSearch, filtersToSearch, inboxApiQuery } from './inbox-filters.js';
import { InboxFiltersForm } from './InboxFiltersForm.js';
import { InboxList } from './InboxList.js';
import { ReferenceSearch } from './ReferenceSearch.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from './staff-ui.js';
import { useInbox, type InboxState } from './use-inbox.js';

export const PAGE_SIZE = 25;

// The inbox address last shown, so "back to the inbox" from a submission keeps the filters.
let lastInbox = '/staff';

/** Where "back to the inbox" goes: the inbox with the filters it last had. */
export const inboxHref = () => lastInbox;

function countText(state: InboxState & { status: 'ready' }, filtered: boolean): string {
  const n = state.items.length;
  if (n === 0) return filtered ? 'Rajauksia vastaavia lomakkeita ei löytynyt.' : 'Ei saapuneita lomakkeita.';
  if (state.cursor) return `Näytetään ${n} uusinta lomaketta. Lisää on ladattavissa.`;
  return n === 1 ? '1 lomake.' : `${n} lomaketta.`;
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

  const error =
    state.status === 'failed' ? state.error : state.status === 'ready' && typeof state.more === 'object' ? state.more.error : undefined;
  useEffect(() => {
    if (isSignedOut(error)) sessionEnded();
  }, [error, sessionEnded]);

  const filtered = activeFilterCount(filters) > 0;
  const single = me.municipalities.length === 1 ? catalog.municipalityNames[me.municipalities[0]!] : undefined;

  return (
    <>
      <StaffHeading>Saapuneet lomakkeet</StaffHeading>
      <p className="lead">
        {single ? `${single}: asukkaiden lähettämät lomakkeet, uusin ensin.` : 'Asukkaiden lähettämät lomakkeet, uusin ensin.'}
      </p>
      <ReferenceSearch />
      <InboxFiltersForm filters={filters} me={me} catalog={catalog} onApply={(f) => navigate(`/staff${filtersToSearch(f)}`)} />

      <section className="staff-results" aria-labelledby="staff-results-heading">
        <div className="staff-results__header">
          <h2 id="staff-results-heading">Lomakkeet</h2>
          <p className="staff-export">
            <a href={csvHref(filters, me)} download>
              Lataa CSV-tiedostona
            </a>
            <span className="hint">
              {csvHasAnswers(filters, me)
                ? ' (vastaukset mukana)'
                : ` (ilman vastauksia; valitse ${me.municipalities.length > 1 ? 'kunta ja lomake' : 'lomake'}, niin vastaukset tulevat mukaan)`}
            </span>
          </p>
        </div>
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
            />
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
                {state.more === 'loading' ? 'Ladataan…' : 'Lataa lisää'}
              </button>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
