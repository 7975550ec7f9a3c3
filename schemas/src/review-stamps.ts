import { canonicalJson } from './canonical-json.js';
import type { Lang } from './languages.js';
import type { FormDefinition, LanguageMeta } from './types.js';

/**
 * A language's native-speaker review, with who marked it and when. The server stamps the marks (`settleReviews` with
 * the admin and the time on every save); a reviewed language whose texts change is no longer reviewed.
 */

export interface ReviewStamp {
  /** The admin's email. */
  by: string;
  /** An ISO time. */
  at: string;
}

/** Marks a language reviewed (stamped with who and when) or not reviewed. */
export function setReviewed(def: FormDefinition, lang: Lang, reviewed: boolean, stamp?: ReviewStamp): FormDefinition {
  const meta: LanguageMeta = reviewed && stamp ? { reviewed, reviewedBy: stamp.by, reviewedAt: stamp.at } : { reviewed };
  return { ...def, meta: { ...def.meta, languages: { ...def.meta.languages, [lang]: meta } } };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const sameTexts = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * The review marks of `next`, a change of `before`: a language newly marked reviewed gets `stamp` (or, without one,
 * keeps the marks it came with); one reviewed before keeps its earlier marks while its texts stay the same, and is no
 * longer reviewed when they change; a language not reviewed has no marks. Returns `next` itself when nothing differs.
 */
export function settleReviews(before: FormDefinition | undefined, next: FormDefinition, stamp?: ReviewStamp): FormDefinition {
  // A draft is saved whatever its shape (the lint names what is wrong): only well-formed marks are settled.
  if (!isObject(next.meta?.languages)) return next;
  const languages = { ...next.meta.languages };
  let changed = false;
  for (const [lang, meta] of Object.entries(next.meta.languages) as [Lang, LanguageMeta][]) {
    if (!isObject(meta)) continue;
    const earlier = isObject(before?.meta?.languages) ? before.meta.languages[lang] : undefined;
    let settled: LanguageMeta;
    if (meta.reviewed !== true) settled = { reviewed: false };
    else if (isObject(earlier) && earlier.reviewed === true)
      settled = sameTexts(before?.texts[lang], next.texts[lang])
        ? {
            reviewed: true,
            ...(earlier.reviewedBy ? { reviewedBy: earlier.reviewedBy } : {}),
            ...(earlier.reviewedAt ? { reviewedAt: earlier.reviewedAt } : {}),
          }
        : { reviewed: false };
    else
      settled = stamp
        ? { reviewed: true, reviewedBy: stamp.by, reviewedAt: stamp.at }
        : {
            reviewed: true,
            ...(meta.reviewedBy ? { reviewedBy: meta.reviewedBy } : {}),
            ...(meta.reviewedAt ? { reviewedAt: meta.reviewedAt } : {}),
          };
    if (canonicalJson(settled) !== canonicalJson(meta)) {
      languages[lang] = settled;
      changed = true;
    }
  }
  return changed ? { ...next, meta: { ...next.meta, languages } } : next;
}
