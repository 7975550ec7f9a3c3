import { dirOf, type Lang } from './languages.js';
import { fill } from './i18n.js';
import { formSteps, type LocalizedForm, type LocalizedStep } from './localize.js';
import type { FieldTexts, FormDefinition, FormTexts, JsonSchema, UiSchema } from './types.js';

/** The placeholders' values and the language that writes them. */
interface Fill {
  vars: Record<string, string>;
  lang: Lang;
  /** The consent question (`meta.roles.consent`): its description is the consent text. */
  consent: string;
}

function fieldUi(schema: JsonSchema, texts: FieldTexts | undefined, ui: UiSchema, { vars, lang }: Fill): UiSchema {
  const out: UiSchema = { ...ui };
  const options = texts?.options;
  if (options) {
    const names = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, fill(v, vars, lang)]));
    if (schema.type === 'boolean') out['ui:enumNames'] = [names['true'], names['false']];
    else if (schema.type === 'array') out['items'] = { ...(ui['items'] as UiSchema | undefined), 'ui:enumNames': names };
    else out['ui:enumNames'] = names;
  }
  if (texts?.errors) out['ui:errorMessages'] = texts.errors;
  // A repeating group's own words, interpolated now except `{{number}}`, which each item fills in.
  if (texts?.item || texts?.add || texts?.remove) {
    const words = (text: string | undefined) => (text === undefined ? undefined : fill(text, { ...vars, number: '{{number}}' }, lang));
    out['ui:options'] = {
      ...(ui['ui:options'] as UiSchema | undefined),
      itemTitle: words(texts.item),
      addLabel: words(texts.add),
      removeLabel: words(texts.remove),
    };
  }
  return out;
}

function localizeObject(schema: JsonSchema, ui: UiSchema, texts: FormTexts, filling: Fill): { schema: JsonSchema; uiSchema: UiSchema } {
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = { ...ui };
  for (const [id, prop] of Object.entries(schema.properties ?? {})) {
    const field = texts.fields[id];
    let localized: JsonSchema = { ...prop };
    let propUi = (ui[id] as UiSchema | undefined) ?? {};
    if (prop.type === 'object') {
      const inner = localizeObject(prop, propUi, texts, filling);
      localized = inner.schema;
      propUi = inner.uiSchema;
    } else if (prop.type === 'array' && prop.items?.type === 'object') {
      const inner = localizeObject(prop.items, (propUi['items'] as UiSchema | undefined) ?? {}, texts, filling);
      localized = { ...prop, items: inner.schema };
      propUi = { ...propUi, items: inner.uiSchema };
    }
    if (field) {
      localized.title = fill(field.label, filling.vars, filling.lang);
      const hint = id === filling.consent ? texts.consent.text : field.hint;
      if (hint) localized.description = fill(hint, filling.vars, filling.lang);
    }
    properties[id] = localized;
    uiSchema[id] = fieldUi(prop, field, propUi, filling);
  }
  return { schema: { ...schema, properties }, uiSchema };
}

/** The steps of a form with their titles in `texts`. */
export function localizeSteps(form: FormDefinition, texts: FormTexts): LocalizedStep[] {
  return formSteps(form).map((step) => ({ ...step, title: texts.steps[step.id] ?? texts.title }));
}

/**
 * Turns a definition into what a resident sees in `lang`: titles, hints and option labels placed into a copy of
 * the schema and uiSchema. `vars` fills `{{placeholders}}` such as the municipality's name.
 * Throws when the form has no texts in `lang`; callers offer only `offeredLanguages(form)`.
 */
export function localize(form: FormDefinition, lang: Lang, vars: Record<string, string> = {}): LocalizedForm {
  const texts = form.texts[lang];
  if (!texts) throw new Error(`form ${form.id} has no texts in ${lang}`);
  const { schema, uiSchema } = localizeObject(form.schema, form.uiSchema, texts, { vars, lang, consent: form.meta.roles.consent });
  uiSchema['ui:steps'] = localizeSteps(form, texts).map((s) => ({ ...s, title: fill(s.title, vars, lang) }));
  return {
    id: form.id,
    version: form.version,
    lang,
    dir: dirOf(lang),
    title: fill(texts.title, vars, lang),
    description: fill(texts.description, vars, lang),
    next: fill(texts.next, vars, lang),
    ...(form.meta.suggest ? { suggest: form.meta.suggest } : {}),
    schema,
    uiSchema,
  };
}
