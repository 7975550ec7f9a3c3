import { LANGUAGES, type Lang } from '../../../schemas/src/languages.js';
import type { FieldTexts, FormDefinition, FormTexts, JsonSchema } from '../../../schemas/src/types.js';

/** The languages a draft can be previewed in: those it offers and those it has texts in, in the kit's order. */
export function previewLanguages(def: FormDefinition): Lang[] {
  const listed = new Set<string>([...Object.keys(def.meta.languages), ...Object.keys(def.texts)]);
  return LANGUAGES.map((l) => l.code).filter((code) => listed.has(code));
}

type TextTree = { [key: string]: string | TextTree };

const isTree = (value: unknown): value is TextTree => !!value && typeof value === 'object' && !Array.isArray(value);
const isMissing = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** `current` with every text the reference has and `current` lacks, and every empty text, set to `marker`. */
function fillGaps(reference: TextTree, current: TextTree, marker: string): TextTree {
  const out: TextTree = { ...current };
  for (const [key, value] of Object.entries(current)) if (typeof value === 'string' && value.trim() === '') out[key] = marker;
  for (const [key, value] of Object.entries(reference)) {
    const own = current[key];
    if (isTree(value)) out[key] = fillGaps(value, isTree(own) ? own : {}, marker);
    else if (isMissing(own)) out[key] = marker;
  }
  return out;
}

/** Every question at any depth (inside repeating groups too), with its schema. */
function questions(schema: JsonSchema): [string, JsonSchema][] {
  return Object.entries(schema.properties ?? {}).flatMap(([id, prop]): [string, JsonSchema][] => [
    [id, prop],
    ...(prop.type === 'object' ? questions(prop) : []),
    ...(prop.type === 'array' && prop.items?.type === 'object' ? questions(prop.items) : []),
  ]);
}

/** A question's texts with its label and each choice's name present, marked where the draft has none. */
function markField(prop: JsonSchema, texts: FieldTexts | undefined, marker: string): FieldTexts {
  const out: FieldTexts = { ...texts, label: isMissing(texts?.label) ? marker : texts!.label };
  const values = prop.enum ?? (prop.type === 'array' ? prop.items?.enum : undefined);
  if (values?.length) {
    const options = { ...out.options };
    for (const value of values) if (isMissing(options[String(value)])) options[String(value)] = marker;
    out.options = options;
  }
  return out;
}

/**
 * The draft with its texts in `lang` complete enough to show: every text Finnish has and `lang` lacks, every
 * empty text, and every question's label and choices without a text show `marker` ("(puuttuu)"), where the lint
 * would name a missing text, instead of an id or an empty label.
 */
export function withMissingMarked(def: FormDefinition, lang: Lang, marker: string): FormDefinition {
  const reference = (def.texts.fi ?? {}) as unknown as TextTree;
  const own = (def.texts[lang] ?? {}) as unknown as TextTree;
  const filled = fillGaps(lang === 'fi' ? {} : reference, own, marker) as unknown as Partial<FormTexts>;
  const fields: Record<string, FieldTexts> = { ...filled.fields };
  for (const [id, prop] of questions(def.schema)) fields[id] = markField(prop, fields[id], marker);
  const steps: Record<string, string> = { ...filled.steps };
  for (const step of (def.uiSchema['ui:steps'] as { id: string }[] | undefined) ?? [])
    if (isMissing(steps[step.id])) steps[step.id] = marker;
  const texts: FormTexts = {
    title: isMissing(filled.title) ? marker : filled.title!,
    description: isMissing(filled.description) ? marker : filled.description!,
    next: isMissing(filled.next) ? marker : filled.next!,
    steps,
    fields,
    consent: { text: isMissing(filled.consent?.text) ? marker : filled.consent!.text },
  };
  return { ...def, texts: { ...def.texts, [lang]: texts } };
}
