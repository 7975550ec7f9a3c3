import { useEffect, useState } from 'react';
import { fallbackCatalog, mergeCatalog, type StaffCatalog } from './catalog.js';
import { fetchFormsList } from './staff-api.js';

/** Finnish form titles and municipality names for the member's municipalities; the fallback until they load. */
export function useCatalog(municipalities: readonly string[]): StaffCatalog {
  const key = municipalities.join(',');
  const [catalog, setCatalog] = useState(() => fallbackCatalog(municipalities));
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    let live = true;
    setCatalog(fallbackCatalog(ids));
    void Promise.all(ids.map((m) => fetchFormsList(m).catch(() => undefined))).then(
      (lists) => live && setCatalog(mergeCatalog(ids, lists)),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return catalog;
}
