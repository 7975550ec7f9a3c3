import { useEffect, useRef } from 'react';
import type { StaffCatalog } from './catalog.js';
import { InboxCard } from './InboxCard.js';
import type { InboxItem } from './staff-api.js';
import { useSession } from './staff-ui.js';

interface Props {
  items: InboxItem[];
  catalog: StaffCatalog;
  /** Show each item's municipality (for members of more than one). */
  showMunicipality: boolean;
  /** Move focus to this item's link (the first of a page just loaded). */
  focusIndex?: number;
  /** The references selected for a bulk change, and how to select or unselect one; no check boxes without it. */
  selection?: { selected: ReadonlySet<string>; onToggle: (reference: string) => void };
}

/** The inbox, newest first: one card per submission, laid out as rows on a wide screen. */
export function InboxList({ items, catalog, showMunicipality, focusIndex, selection }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const { me } = useSession();
  const now = new Date();
  useEffect(() => {
    if (focusIndex !== undefined) list.current?.querySelectorAll<HTMLAnchorElement>('.staff-item__link')[focusIndex]?.focus();
  }, [focusIndex]);

  return (
    <ol ref={list} className="staff-inbox">
      {items.map((item) => (
        <InboxCard
          key={item.reference}
          item={item}
          catalog={catalog}
          me={me.email}
          showMunicipality={showMunicipality}
          now={now}
          selection={selection && { selected: selection.selected.has(item.reference), onToggle: selection.onToggle }}
        />
      ))}
    </ol>
  );
}
