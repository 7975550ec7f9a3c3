import type { Lang } from '../../../schemas/src/languages.js';
import { fetchMunicipalities } from '../api.js';
import { LoadFailed, Loading, PageHeading } from '../components.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';

/** `/<lang>`: where the resident lives. */
export function MunicipalityPage({ lang }: { lang: Lang }) {
  const { t } = useTexts();
  const [state, retry] = useAsync(fetchMunicipalities, 'municipalities');
  return (
    <>
      <PageHeading>{t('municipality.choose')}</PageHeading>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <LoadFailed onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <ul className="choice-list">
          {state.value.municipalities.map((m) => (
            <li key={m.id}>
              <a className="choice" href={`/${lang}/${m.id}`}>
                {m.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
