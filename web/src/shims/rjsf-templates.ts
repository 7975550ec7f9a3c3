import BaseInputTemplate from '@rjsf/core/lib/components/templates/BaseInputTemplate.js';
import SubmitButton from '@rjsf/core/lib/components/templates/ButtonTemplates/SubmitButton.js';
import DescriptionField from '@rjsf/core/lib/components/templates/DescriptionField.js';
import FieldHelpTemplate from '@rjsf/core/lib/components/templates/FieldHelpTemplate.js';
import UnsupportedField from '@rjsf/core/lib/components/templates/UnsupportedField.js';
import type { FormContextType, RJSFSchema, StrictRJSFSchema, TemplatesType } from '@rjsf/utils';

/**
 * Stand-in for rjsf's default templates (`@rjsf/core/lib/components/templates/index.js`). `StepForm` brings its own
 * (`templates.tsx`): FieldTemplate, ObjectFieldTemplate, FieldErrorTemplate, ArrayFieldTemplate and
 * ArrayFieldItemTemplate, which render no titles, icon buttons or add/remove templates of rjsf's. This keeps what
 * the kept fields and widgets still ask for: the input template (text, email), descriptions, help, the
 * unsupported-field notice and the submit button that `Form` reads (`StepForm` renders its own button instead).
 *
 * Dropped: rjsf's versions of the five above and what only they use (titles, array descriptions and item buttons,
 * add/copy/move/remove/clear buttons, the label and additional-properties wrapper); the error list (`Form` draws it
 * only with `showErrorList` top or bottom; `StepForm` sets false and has its own summary); and the templates of the
 * dropped fields (anyOf/oneOf, layout grid, fallback type picker, optional data controls, `$ref` cycles).
 * ClearButton goes too: BaseInputTemplate shows it only with the `allowClearTextInputs` option, which the lint refuses.
 */
export default function templates<T = any, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = any>(): TemplatesType<
  T,
  S,
  F
> {
  return {
    BaseInputTemplate,
    ButtonTemplates: { SubmitButton },
    DescriptionFieldTemplate: DescriptionField,
    FieldHelpTemplate,
    UnsupportedFieldTemplate: UnsupportedField,
  } as unknown as TemplatesType<T, S, F>;
}
