import { errorId, getUiOptions, type FieldErrorProps, type FieldTemplateProps, type ObjectFieldTemplateProps, type TemplatesType } from '@rjsf/utils';
import type { Lang } from '../../../schemas/src/languages.js';
import type { Translate } from '../i18n.js';
import { ListenButton } from './listen.js';

/** What the templates get through rjsf's `formContext`. */
export interface FormContext {
  t: Translate;
  langOf: (key: string) => Lang;
  /** The form's language, and the device's voice for it when it has one (then each question gets Listen). */
  lang: Lang;
  voice?: SpeechSynthesisVoice;
}

/** The Listen button of a question, when the device can speak the form's language. */
function Listen({ label, rawDescription, registry }: FieldTemplateProps) {
  const { t, langOf, lang, voice } = registry.formContext as FormContext;
  if (!voice || !label) return null;
  return <ListenButton label={label} hint={rawDescription} voice={voice} lang={lang} word={t('form.listen')} wordLang={langOf('form.listen')} />;
}

/** True for widgets that render a group of options: they get a `fieldset` whose `legend` names the group. */
function isGroup(props: FieldTemplateProps): boolean {
  const { widget } = getUiOptions(props.uiSchema);
  return widget === 'radio' || (props.schema.type === 'array' && widget === 'checkboxes');
}

/**
 * One question: label (or legend), hint, error, then the input, so the hint and the error are read before
 * answering. No asterisks: labels of optional questions say "(optional)".
 */
function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, displayLabel, classNames, rawErrors, uiSchema } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const failed = (rawErrors?.length ?? 0) > 0;
  const className = ['form-group', 'field', classNames, failed ? 'has-error' : ''].filter(Boolean).join(' ');
  if (isGroup(props)) {
    return (
      <fieldset className={className}>
        <legend className="control-label">{label}</legend>
        <Listen {...props} />
        {description}
        {errors}
        {children}
        {help}
      </fieldset>
    );
  }
  const isCheckbox = getUiOptions(uiSchema).widget === 'checkbox';
  return (
    <div className={className}>
      {displayLabel && !isCheckbox && label ? (
        <label className="control-label" htmlFor={id}>
          {label}
        </label>
      ) : null}
      <Listen {...props} />
      {displayLabel ? description : null}
      {errors}
      {children}
      {help}
    </div>
  );
}

/** The step's questions without rjsf's outer fieldset: the step heading names them. */
function ObjectFieldTemplate({ properties }: ObjectFieldTemplateProps) {
  return <div className="questions">{properties.map((p) => (p.hidden ? null : p.content))}</div>;
}

/** A field's errors, with the id that its inputs' `aria-describedby` points to. */
function FieldErrorTemplate({ errors = [], fieldPathId, registry }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  if (messages.length === 0) return null;
  const { t } = registry.formContext as FormContext;
  return (
    <div id={errorId(fieldPathId)} className="error-detail">
      {messages.map((message, i) => (
        <p className="error-message" key={i}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {message}
        </p>
      ))}
    </div>
  );
}

/** The templates the resident forms use in place of rjsf's defaults. */
export const templates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  FieldErrorTemplate,
};
