import { fetchMunicipalities, type MunicipalityRef } from './api.js';
import { useAsync } from './use-async.js';

let municipalities: Promise<MunicipalityRef[]> | undefined;

/** The municipalities, fetched once per page load (a few bytes), for the header of every town's pages. */
function loadMunicipalities(): Promise<MunicipalityRef[]> {
  municipalities ??= fetchMunicipalities().then(
    (r) => r.municipalities,
    (e: unknown) => {
      municipalities = undefined;
      throw e;
    },
  );
  return municipalities;
}

/** The town's name beside the service's name in the header ("Koto-lomakkeet · Heinola"), so residents see whose service this is. */
export function TownName({ id }: { id: string }) {
  const [loaded] = useAsync(loadMunicipalities, 'municipalities');
  const name = loaded.status === 'ready' ? loaded.value.find((m) => m.id === id)?.name : undefined;
  if (!name) return null;
  return (
    <span className="brand__town">
      <span aria-hidden="true"> · </span>
      <span className="visually-hidden">, </span>
      {name}
    </span>
  );
}
