import { useEffect, useRef, useState } from 'react';
import {
  ConflictError,
  fetchSubmission,
  patchSubmission,
  type PatchResult,
  type SubmissionDetail,
  type SubmissionPatch,
} from './staff-api.js';

export type SubmissionState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; detail: SubmissionDetail };

/** What became of a change: saved, refused as stale (the fresh submission is then shown), or failed. */
export type ChangeOutcome =
  { kind: 'saved'; feedbackRequest?: PatchResult['feedbackRequest'] } | { kind: 'conflict' } | { kind: 'failed'; error: unknown };

type Keyed = SubmissionState & { reference: string };

/** One submission and the changes to it, each sent with the version it was decided on. */
export function useSubmission(reference: string) {
  const [state, setState] = useState<Keyed>({ status: 'loading', reference });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    let live = true;
    setState({ status: 'loading', reference });
    fetchSubmission(reference).then(
      (detail) => live && setState({ status: 'ready', detail, reference }),
      (error: unknown) => live && setState({ status: 'failed', error, reference }),
    );
    return () => {
      live = false;
    };
  }, [reference, attempt]);

  async function change(patch: Omit<SubmissionPatch, 'expectedVersion'>): Promise<ChangeOutcome> {
    const before = current.current;
    if (before.status !== 'ready' || before.reference !== reference) return { kind: 'failed', error: new Error('not loaded') };
    try {
      const result = await patchSubmission(reference, { ...patch, expectedVersion: before.detail.version });
      setState((s) => (s.status === 'ready' && s.reference === reference ? { ...s, detail: { ...s.detail, ...result } } : s));
      return result.feedbackRequest ? { kind: 'saved', feedbackRequest: result.feedbackRequest } : { kind: 'saved' };
    } catch (error) {
      if (!(error instanceof ConflictError)) return { kind: 'failed', error };
      // Someone else changed it: show what it is now, without unmounting the page (a typed note stays).
      try {
        const detail = await fetchSubmission(reference);
        setState((s) => (s.reference === reference ? { status: 'ready', detail, reference } : s));
      } catch {
        setAttempt((n) => n + 1);
      }
      return { kind: 'conflict' };
    }
  }

  const shown: SubmissionState = state.reference === reference ? state : { status: 'loading' };
  return { state: shown, retry: () => setAttempt((n) => n + 1), change };
}
