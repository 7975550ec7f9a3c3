/**
 * Parts of the form page a resident needs only later, each loaded once: the review step (fetched ahead at the last
 * step) and the confirmation (fetched ahead at the review), so the first step loads without them. A failed fetch
 * is tried again when the part is needed.
 */
function chunk<T>(importer: () => Promise<T>): { load: () => Promise<T>; prefetch: () => void } {
  let loading: Promise<T> | undefined;
  const load = () =>
    (loading ??= importer().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return { load, prefetch: () => void load().catch(() => undefined) };
}

export const reviewChunk = chunk(() => import('./ReviewStep.js'));
export const confirmationChunk = chunk(() => import('./Confirmation.js'));
