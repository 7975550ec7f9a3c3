/**
 * Stand-in for fast-uri, which rjsf uses only to resolve `$ref`/`$id` URIs. Form schemas have no `$ref` (the
 * lint keeps them flat), so the platform's URL class is plenty and the page saves fast-uri's weight.
 */
function resolve(base: string | undefined, ref: string): string {
  if (!base) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref.startsWith('#') ? `${base.split('#')[0]}${ref}` : ref;
  }
}

function normalize(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}

export default { resolve, equal: (a: string, b: string) => normalize(a) === normalize(b) };
