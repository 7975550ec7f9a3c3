/**
 * The confirmation page's code, loaded once: the review step asks for it ahead, so it is in the browser before the
 * resident presses Send; a failed fetch is tried again when the page is needed.
 */
let loading: Promise<typeof import('./Confirmation.js')> | undefined;

export function loadConfirmation(): Promise<typeof import('./Confirmation.js')> {
  loading ??= import('./Confirmation.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Fetches the confirmation page's code ahead, quietly: a failure here is retried by `loadConfirmation`. */
export function prefetchConfirmation(): void {
  loadConfirmation().catch(() => undefined);
}
