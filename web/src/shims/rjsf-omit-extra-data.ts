/**
 * Stand-in for rjsf's `omitExtraData` module (`@rjsf/utils/lib/schema/omitExtraData.js`), about 1 KiB gzip that every
 * form page carried unused: `Form` calls `omitExtraData` only with its `omitExtraData` prop on, which `StepForm` never
 * sets (the answers are cleaned by the form kit: `answersToSend`). The module's small helpers that `Form` and rjsf's
 * utilities do import are the real ones; `omitExtraData` itself throws, so turning the prop on fails loudly.
 */
export { getFieldNames, getUsedFormData, isValueEmpty } from '@rjsf/utils/lib/schema/omitExtraData.js';

export default function omitExtraData(): never {
  throw new Error('omitExtraData is left out of the form page (web/vite/slim-rjsf.ts); StepForm does not use it');
}
