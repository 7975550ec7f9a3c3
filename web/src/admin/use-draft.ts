import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormProblem } from '../../../schemas/src/problems.js';
import { settleReviews } from '../../../schemas/src/review-stamps.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { ConflictError } from '../staff/staff-api.js';
import { fetchDraft, problemsOf, publishDraft, saveDraft } from './admin-api.js';

/** How long typing may pause before the draft is saved (and checked by the server's lint). */
export const AUTOSAVE_MS = 800;

export type DraftState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | {
      status: 'ready';
      definition: FormDefinition;
      /** The revision the server has; the next save sends it. */
      revision: number;
      /** The lint's problems with the draft as last saved. */
      problems: FormProblem[];
      /** Edits not saved yet. */
      dirty: boolean;
      saving: boolean;
      /** Another admin saved in between: nothing more is saved until the draft is loaded again. */
      conflict: boolean;
      saveError?: unknown;
    };

export interface Draft {
  state: DraftState;
  /** Applies a change to the draft; it is saved when typing pauses. An editor's refusal comes back as a message. */
  edit(change: (definition: FormDefinition) => FormDefinition): string | undefined;
  /** Saves now if anything is unsaved; resolves with the revision saved (undefined when it could not be). */
  saveNow(): Promise<number | undefined>;
  /** Saves, then publishes with a note: the new version, or the problems that stopped it. */
  publish(note: string): Promise<{ version: number } | { problems: FormProblem[] } | { error: unknown }>;
  /** Loads the draft from the server again, dropping unsaved edits. */
  reload(): void;
}

/** A form's draft in the workbench: loaded once, edited locally, saved after a pause with its revision. */
export function useDraft(formId: string): Draft {
  const [state, setState] = useState<DraftState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(state);
  latest.current = state;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<Promise<number | undefined>>();

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetchDraft(formId).then(
      (draft) => live && setState({ status: 'ready', ...draft, dirty: false, saving: false, conflict: false }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [formId, attempt]);

  const saveNow = useCallback(async (): Promise<number | undefined> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const current = latest.current;
    if (current.status !== 'ready' || current.conflict) return undefined;
    if (!current.dirty) return current.revision;
    const { definition, revision } = current;
    setState({ ...current, saving: true, saveError: undefined });
    const run = saveDraft(formId, definition, revision).then(
      (saved) => {
        setState((s) =>
          s.status === 'ready'
            ? { ...s, revision: saved.revision, problems: saved.problems, saving: false, dirty: s.definition !== definition }
            : s,
        );
        return saved.revision;
      },
      (error: unknown) => {
        setState((s) => (s.status === 'ready' ? { ...s, saving: false, conflict: error instanceof ConflictError, saveError: error } : s));
        return undefined;
      },
    );
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = undefined;
    }
  }, [formId]);

  const edit = useCallback(
    (change: (definition: FormDefinition) => FormDefinition): string | undefined => {
      const current = latest.current;
      if (current.status !== 'ready') return undefined;
      let definition: FormDefinition;
      try {
        // A reviewed language whose texts change is no longer reviewed, here as on the server.
        definition = settleReviews(current.definition, change(current.definition));
      } catch (e) {
        return (e as Error).message;
      }
      if (definition === current.definition) return undefined;
      const next: DraftState = { ...current, definition, dirty: true };
      latest.current = next;
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
      return undefined;
    },
    [saveNow],
  );

  const publish = useCallback(
    async (note: string) => {
      const revision = await saveNow();
      if (revision === undefined) return { error: latest.current.status === 'ready' ? latest.current.saveError : undefined };
      try {
        return await publishDraft(formId, note, revision);
      } catch (error) {
        const problems = problemsOf(error);
        if (problems) {
          setState((s) => (s.status === 'ready' ? { ...s, problems } : s));
          return { problems };
        }
        return { error };
      }
    },
    [formId, saveNow],
  );

  // Unsaved edits are not lost to a closed tab without a warning.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const s = latest.current;
      if (s.status === 'ready' && (s.dirty || s.saving)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { state, edit, saveNow, publish, reload: () => setAttempt((n) => n + 1) };
}
