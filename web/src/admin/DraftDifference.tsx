import { useEffect, useMemo, useState } from 'react';
import { diffDefinitions } from '../../../schemas/src/definition-diff.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { t } from '../staff/texts.js';
import { fetchVersion, fetchVersions } from './admin-api.js';
import { DiffView, summaryText } from './DiffView.js';

/** The current published version and its number, or nothing before the first publish (or when it cannot be read). */
function useCurrent(formId: string): { version: number; definition: FormDefinition } | undefined {
  const [current, setCurrent] = useState<{ version: number; definition: FormDefinition }>();
  useEffect(() => {
    let live = true;
    fetchVersions(formId)
      .then(async ({ current: version }) => {
        if (version === null) return;
        const definition = await fetchVersion(formId, version);
        if (live) setCurrent({ version, definition });
      })
      // The difference is a help for publishing, not a condition of it: without it the panel works as before.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [formId]);
  return current;
}

/** What publishing the draft changes for residents: the difference from the current version, in counts and in full. */
export function DraftDifference({ def }: { def: FormDefinition }) {
  const current = useCurrent(def.id);
  const diff = useMemo(() => (current ? diffDefinitions(current.definition, def) : undefined), [current, def]);
  if (!current || !diff) return null;
  const summary = summaryText(diff);
  return (
    <div className="wb-draft-diff">
      <h3>{t('workbench.history.draft.heading', { version: current.version })}</h3>
      {summary ? (
        <>
          <p>{summary}</p>
          <details>
            <summary>{t('workbench.history.draft.show')}</summary>
            <DiffView diff={diff} before={current.definition} after={def} level={4} />
          </details>
        </>
      ) : (
        <p>{t('workbench.history.draft.same')}</p>
      )}
    </div>
  );
}
