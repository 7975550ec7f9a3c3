import type { FormContextType, RegistryWidgetsType, RJSFSchema, StrictRJSFSchema } from '@rjsf/utils';
import CheckboxesWidget from '@rjsf/core/lib/components/widgets/CheckboxesWidget.js';
import CheckboxWidget from '@rjsf/core/lib/components/widgets/CheckboxWidget.js';
import EmailWidget from '@rjsf/core/lib/components/widgets/EmailWidget.js';
import RadioWidget from '@rjsf/core/lib/components/widgets/RadioWidget.js';
import SelectWidget from '@rjsf/core/lib/components/widgets/SelectWidget.js';
import TextareaWidget from '@rjsf/core/lib/components/widgets/TextareaWidget.js';
import TextWidget from '@rjsf/core/lib/components/widgets/TextWidget.js';

/**
 * Stand-in for rjsf's default widgets (`@rjsf/core/lib/components/widgets/index.js`), which bring all twenty to
 * every form page. This keeps those a form may reach under the lint (`schemas/src/supported.ts`): radio, select,
 * checkbox, checkboxes, textarea, text, and email for `format: email`. `StepForm` adds our own (`widgets.tsx`):
 * TextWidget for text and numbers, DateWidget for `format: date`, `birth-date`.
 *
 * Dropped, as no form can reach them: file, rating, color, range, up-down, password, hidden, URL, time, date-time
 * and the alternative date pickers (and rjsf's date input, which ours replaces). `test/unit/web-slim-rjsf.test.ts`
 * asks rjsf's own `getWidget` for every kind, widget and format the lint allows.
 */
export default function widgets<T = any, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = any>(): RegistryWidgetsType<
  T,
  S,
  F
> {
  return {
    CheckboxWidget,
    CheckboxesWidget,
    EmailWidget,
    RadioWidget,
    SelectWidget,
    TextWidget,
    TextareaWidget,
  } as RegistryWidgetsType<T, S, F>;
}
