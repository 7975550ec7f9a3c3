import {
  errorId,
  getUiOptions,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type TemplatesType,
} from '@rjsf/utils';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Lang } from '../../../schemas/src/languages.js';
import { itemTitle } from '../../../schemas/src/show-answer.js';
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
  return (
    <ListenButton label={label} hint={rawDescription} voice={voice} lang={lang} word={t('form.listen')} wordLang={langOf('form.listen')} />
  );
}

/**
 * True for questions answered with several controls: options, a date's three fields, a repeating group. They get a
 * `fieldset` whose `legend` is the question.
 */
function isGroup(props: FieldTemplateProps): boolean {
  const { widget } = getUiOptions(props.uiSchema);
  const { schema } = props;
  if (widget === 'radio' || (schema.type === 'array' && widget === 'checkboxes')) return true;
  if (schema.type === 'array' && typeof schema.items === 'object' && !Array.isArray(schema.items) && schema.items.type === 'object')
    return true;
  return typeof schema.format === 'string' && schema.format.endsWith('date');
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

interface RepeatOptions {
  itemTitle?: string;
  addLabel?: string;
  removeLabel?: string;
}

/** The fewest items a repeating group may have: an item is removable only above it. */
const MinItems = createContext(0);

/**
 * A repeating group ("add another", GOV.UK's pattern): the items, then a real button in the page's language that
 * adds one. Focus follows the change: into the new item's first question, or back to the add button after a remove.
 */
function ArrayFieldTemplate({ items, canAdd, onAddClick, uiSchema, fieldPathId, schema }: ArrayFieldTemplateProps) {
  const { addLabel } = getUiOptions(uiSchema) as RepeatOptions;
  const list = useRef<HTMLDivElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const count = useRef(items.length);
  useEffect(() => {
    const before = count.current;
    count.current = items.length;
    if (items.length > before) {
      const added = list.current?.querySelectorAll<HTMLElement>('.repeat-item');
      added?.[added.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else if (items.length < before) {
      add.current?.focus();
    }
  }, [items.length]);
  return (
    <div className="repeat" ref={list} id={`${fieldPathId.$id}-items`}>
      <MinItems.Provider value={Number(schema.minItems ?? 0)}>{items}</MinItems.Provider>
      {canAdd && addLabel ? (
        <button type="button" className="button button--secondary repeat__add" ref={add} onClick={onAddClick}>
          <span aria-hidden="true">+</span>
          {addLabel}
        </button>
      ) : null}
    </div>
  );
}

/** One item of a repeating group: numbered in the page's language ("Дитина 2"), with its own remove button. */
function ArrayFieldItemTemplate({ children, index, totalItems, buttonsProps, parentUiSchema, registry }: ArrayFieldItemTemplateProps) {
  const { lang } = registry.formContext as FormContext;
  const removable = buttonsProps.hasRemove && totalItems > useContext(MinItems);
  const options = getUiOptions(parentUiSchema) as RepeatOptions;
  return (
    <fieldset className="repeat-item">
      <legend className="repeat-item__title">{itemTitle(parentUiSchema, index, lang)}</legend>
      {children}
      {removable && options.removeLabel ? (
        <button type="button" className="button button--secondary repeat-item__remove" onClick={buttonsProps.onRemoveItem}>
          {itemTitle(parentUiSchema, index, lang, 'removeLabel')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The templates the resident forms use in place of rjsf's defaults. */
export const templates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  FieldErrorTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
};
