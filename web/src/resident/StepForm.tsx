import Form from '@rjsf/core';
import type {
  ErrorSchema,
  Experimental_DefaultFormStateBehavior,
  RJSFSchema,
  RJSFValidationError,
  UiSchema,
  ValidatorType,
} from '@rjsf/utils';
import { useMemo } from 'react';
import type { LocalizedForm } from '../../../schemas/src/index.js';
import { useTexts } from '../texts-context.js';
import { useVoice } from './listen.js';
import { pickAnswers, stepSchema, stepUiSchema, withStartingAnswers, type Answers } from './steps.js';
import { templates, type FormContext } from './templates.js';
import { widgets } from './widgets.js';

export interface StepFormProps {
  form: LocalizedForm;
  /** The step's fields that the answers make visible. */
  fields: string[];
  answers: Answers;
  validator: ValidatorType<Answers, RJSFSchema>;
  extraErrors: ErrorSchema;
  onChange: (stepData: Answers | undefined) => void;
  onNext: () => void;
  onInvalid: (errors: RJSFValidationError[]) => void;
  /** Takes what a bot (or autofill) types into the honeypot field; without it, the page shows none (the preview). */
  onHoneypot?: (value: string) => void;
}

/**
 * rjsf fills some answers in by itself; a resident must give every answer: no pre-ticked consent (a `const`),
 * no "No" chosen for a required yes/no question, no empty lists. Defaults written in a schema still apply.
 */
const NO_INVENTED_ANSWERS: Experimental_DefaultFormStateBehavior = {
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
  arrayMinItems: { populate: 'never' },
  emptyObjectFields: 'skipEmptyDefaults',
};

/** One step of a form: rjsf renders only that step's visible questions; Next validates them. */
export function StepForm(props: StepFormProps) {
  const { form, fields, answers } = props;
  const { t, langOf } = useTexts();
  const voice = useVoice(form.lang);
  const key = fields.join(',');
  // New objects only when the visible questions change, so rjsf does not rebuild on every keystroke.
  const schema = useMemo(() => stepSchema(form, fields) as RJSFSchema, [form, key]);
  const uiSchema = useMemo(() => stepUiSchema(form, fields) as UiSchema, [form, key]);
  const formContext = useMemo<FormContext>(() => ({ t, langOf, lang: form.lang, voice }), [t, langOf, form.lang, voice]);
  return (
    <Form<Answers, RJSFSchema, FormContext>
      schema={schema}
      uiSchema={uiSchema}
      formData={withStartingAnswers(form, fields, pickAnswers(answers, fields))}
      validator={props.validator}
      templates={templates}
      widgets={widgets}
      formContext={formContext}
      extraErrors={props.extraErrors}
      experimental_defaultFormStateBehavior={NO_INVENTED_ANSWERS}
      noHtml5Validate
      showErrorList={false}
      onChange={(event) => props.onChange(event.formData)}
      onSubmit={() => props.onNext()}
      onError={props.onInvalid}
    >
      {props.onHoneypot ? (
        // A field only a bot fills: hidden as screen-reader-only text is, but also out of the tab order and the
        // accessibility tree, with a name autofill ignores.
        <div className="visually-hidden" aria-hidden="true">
          <input type="text" name="extra_note" tabIndex={-1} autoComplete="off" onInput={(e) => props.onHoneypot!(e.currentTarget.value)} />
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button">
          {t('form.next')}
        </button>
      </div>
    </Form>
  );
}
