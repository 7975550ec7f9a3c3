import { canonicalJson } from './canonical-json.js';
import { LANGUAGES, type Lang } from './languages.js';
import { questionOf, stepsOfDefinition, textAt, type Condition, type Limits, type QuestionView } from './questions.js';
import type { FormDefinition, FormMeta, JsonSchema } from './types.js';

/**
 * The difference between two versions of a form, as an admin reads it: questions added, removed or changed (aspect
 * by aspect), steps added, removed or renamed, texts changed per language (by text key), and the form's settings.
 * Everything is named by id and text key; labels in one language (Finnish unless told) come along for reading.
 */

/** One aspect of a question that differs between the two versions. */
export type QuestionAspect =
  | { kind: 'type'; before: QuestionView['type']; after: QuestionView['type'] }
  | { kind: 'required'; before: boolean; after: boolean }
  | { kind: 'condition'; before?: Condition; after?: Condition }
  | { kind: 'choices'; added: string[]; removed: string[]; reordered: boolean }
  | { kind: 'limits'; before: Limits; after: Limits }
  | { kind: 'emailSafe'; before: boolean; after: boolean }
  | { kind: 'step'; before: string; after: string }
  /** The schema, layout or rule differs in a way none of the aspects above names (the JSON view shows it). */
  | { kind: 'other' };

export interface QuestionRef {
  id: string;
  /** The question's label in the reading language, or `''`. */
  label: string;
  /** The step it is on (in the version it is in). */
  step: string;
}

export interface QuestionChange extends QuestionRef {
  aspects: QuestionAspect[];
}

export interface StepRename {
  id: string;
  before: string;
  after: string;
}

/** One text: its key as a path under the language's texts (`['fields', 'topic', 'label']`) and its values. */
export interface TextChange {
  path: string[];
  before?: string;
  after?: string;
}

/** The texts of one language that differ; the texts of questions added or removed are left to those questions. */
export interface LanguageTextChanges {
  lang: Lang;
  added: TextChange[];
  removed: TextChange[];
  changed: TextChange[];
}

/** The settings (`meta`) besides languages and staff-mail marks, which are named per language and per question. */
export const DIFF_SETTINGS = ['retentionDays', 'consentVersion', 'suggest', 'feedback', 'triage', 'roles'] as const;
export type DiffSetting = (typeof DIFF_SETTINGS)[number];

export interface DefinitionDiff {
  questions: { added: QuestionRef[]; removed: QuestionRef[]; changed: QuestionChange[] };
  steps: { added: string[]; removed: string[]; renamed: StepRename[]; reordered: boolean };
  texts: LanguageTextChanges[];
  meta: {
    languagesAdded: Lang[];
    languagesRemoved: Lang[];
    /** Offered in both, with the native-speaker review flag changed. */
    reviewChanged: { lang: Lang; reviewed: boolean }[];
    settingsChanged: DiffSetting[];
  };
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Every question id with the step it is on, in the order of the form. */
function questionSteps(def: FormDefinition): Map<string, string> {
  return new Map(stepsOfDefinition(def).flatMap((s) => s.fields.map((f) => [f, s.id] as const)));
}

/** The `allOf` rules that name a question: compared whole, so a change the editor does not make still shows. */
const rulesOf = (def: FormDefinition, id: string): JsonSchema[] =>
  (def.schema.allOf ?? []).filter((r) => (r.then?.required ?? []).includes(id) || Object.hasOwn(r.then?.properties ?? {}, id));

function questionAspects(a: FormDefinition, b: FormDefinition, id: string, stepA: string, stepB: string): QuestionAspect[] {
  const qa = questionOf(a, id);
  const qb = questionOf(b, id);
  const aspects: QuestionAspect[] = [];
  if (qa.type !== qb.type) aspects.push({ kind: 'type', before: qa.type, after: qb.type });
  if (qa.required !== qb.required) aspects.push({ kind: 'required', before: qa.required, after: qb.required });
  if (!same(qa.condition, qb.condition)) aspects.push({ kind: 'condition', before: qa.condition, after: qb.condition });
  if (qa.type === qb.type && !same(qa.options, qb.options)) {
    const before = qa.options ?? [];
    const after = qb.options ?? [];
    const added = after.filter((o) => !before.includes(o));
    const removed = before.filter((o) => !after.includes(o));
    const kept = (list: string[]) => list.filter((o) => before.includes(o) && after.includes(o));
    aspects.push({ kind: 'choices', added, removed, reordered: !same(kept(before), kept(after)) });
  }
  if (!same(qa.limits, qb.limits)) aspects.push({ kind: 'limits', before: qa.limits, after: qb.limits });
  if (qa.emailSafe !== qb.emailSafe) aspects.push({ kind: 'emailSafe', before: qa.emailSafe, after: qb.emailSafe });
  if (stepA !== stepB) aspects.push({ kind: 'step', before: stepA, after: stepB });
  const raw = (def: FormDefinition) => [def.schema.properties?.[id], def.uiSchema[id], rulesOf(def, id)];
  if (!aspects.length && !same(raw(a), raw(b))) aspects.push({ kind: 'other' });
  return aspects;
}

/** A language's texts as text key → text (`fields.topic.label` as `['fields','topic','label']`). */
function flatTexts(node: unknown, path: string[] = [], into = new Map<string, string[]>()): Map<string, string[]> {
  if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) flatTexts(value, [...path, key], into);
  else if (typeof node === 'string') into.set(JSON.stringify(path), path);
  return into;
}

function languageTexts(a: FormDefinition, b: FormDefinition, lang: Lang, skip: Set<string>): LanguageTextChanges {
  const before = flatTexts(a.texts[lang]);
  const after = flatTexts(b.texts[lang]);
  const counted = (path: string[]) => !(path[0] === 'fields' && skip.has(path[1]!));
  const result: LanguageTextChanges = { lang, added: [], removed: [], changed: [] };
  for (const [key, path] of after) {
    if (!counted(path)) continue;
    const value = textAt(b, lang, path);
    if (!before.has(key)) result.added.push({ path, after: value });
    else if (textAt(a, lang, path) !== value) result.changed.push({ path, before: textAt(a, lang, path), after: value });
  }
  for (const [key, path] of before) if (counted(path) && !after.has(key)) result.removed.push({ path, before: textAt(a, lang, path) });
  return result;
}

/** The languages a definition has texts for, or offers, in the order of `LANGUAGES` (Finnish first). */
const langsOf = (def: FormDefinition, part: 'texts' | 'languages'): Lang[] =>
  LANGUAGES.map((l) => l.code).filter((code) => Object.hasOwn(part === 'texts' ? def.texts : def.meta.languages, code));

/** What changed from version `a` to version `b` of a form; `lang` is the language the labels are read in. */
export function diffDefinitions(a: FormDefinition, b: FormDefinition, lang: Lang = 'fi'): DefinitionDiff {
  const stepsA = questionSteps(a);
  const stepsB = questionSteps(b);
  const ref = (def: FormDefinition, id: string, step: string): QuestionRef => ({
    id,
    label: textAt(def, lang, ['fields', id, 'label']),
    step,
  });
  const added = [...stepsB].filter(([id]) => !stepsA.has(id)).map(([id, step]) => ref(b, id, step));
  const removed = [...stepsA].filter(([id]) => !stepsB.has(id)).map(([id, step]) => ref(a, id, step));
  const changed = [...stepsB].flatMap(([id, step]) => {
    const stepA = stepsA.get(id);
    if (stepA === undefined) return [];
    const aspects = questionAspects(a, b, id, stepA, step);
    return aspects.length ? [{ ...ref(b, id, step), aspects }] : [];
  });

  const stepIdsA = stepsOfDefinition(a).map((s) => s.id);
  const stepIdsB = stepsOfDefinition(b).map((s) => s.id);
  const kept = (ids: string[], other: string[]) => ids.filter((id) => other.includes(id));
  const renamed = kept(stepIdsB, stepIdsA).flatMap((id) => {
    const before = textAt(a, lang, ['steps', id]);
    const after = textAt(b, lang, ['steps', id]);
    return before === after ? [] : [{ id, before, after }];
  });

  const skip = new Set([...added, ...removed].map((q) => q.id));
  const textLangs = LANGUAGES.map((l) => l.code).filter((code) => a.texts[code] || b.texts[code]);
  const texts = textLangs.map((l) => languageTexts(a, b, l, skip)).filter((t) => t.added.length + t.removed.length + t.changed.length > 0);

  const offeredA = langsOf(a, 'languages');
  const offeredB = langsOf(b, 'languages');
  const metaValue = (meta: FormMeta, key: DiffSetting) => meta[key];
  return {
    questions: { added, removed, changed },
    steps: {
      added: stepIdsB.filter((id) => !stepIdsA.includes(id)),
      removed: stepIdsA.filter((id) => !stepIdsB.includes(id)),
      renamed,
      reordered: !same(kept(stepIdsA, stepIdsB), kept(stepIdsB, stepIdsA)),
    },
    texts,
    meta: {
      languagesAdded: offeredB.filter((l) => !offeredA.includes(l)),
      languagesRemoved: offeredA.filter((l) => !offeredB.includes(l)),
      reviewChanged: offeredB
        .filter((l) => offeredA.includes(l) && a.meta.languages[l]?.reviewed !== b.meta.languages[l]?.reviewed)
        .map((l) => ({ lang: l, reviewed: b.meta.languages[l]?.reviewed === true })),
      settingsChanged: DIFF_SETTINGS.filter((key) => !same(metaValue(a.meta, key), metaValue(b.meta, key))),
    },
  };
}

/** How much changed, in counts: for a one-line summary ("what changes for residents") and for "nothing changed". */
export interface DiffSummary {
  questionsAdded: number;
  questionsRemoved: number;
  questionsChanged: number;
  stepsChanged: number;
  /** Texts added, removed or changed, over every language. */
  textsChanged: number;
  /** The languages whose texts changed. */
  languages: Lang[];
  metaChanged: number;
  /** Nothing at all differs in what the diff names. */
  empty: boolean;
}

export function summarizeDiff(diff: DefinitionDiff): DiffSummary {
  const { questions, steps, texts, meta } = diff;
  const summary = {
    questionsAdded: questions.added.length,
    questionsRemoved: questions.removed.length,
    questionsChanged: questions.changed.length,
    stepsChanged: steps.added.length + steps.removed.length + steps.renamed.length + (steps.reordered ? 1 : 0),
    textsChanged: texts.reduce((n, t) => n + t.added.length + t.removed.length + t.changed.length, 0),
    languages: texts.map((t) => t.lang),
    metaChanged: meta.languagesAdded.length + meta.languagesRemoved.length + meta.reviewChanged.length + meta.settingsChanged.length,
  };
  const total =
    summary.questionsAdded +
    summary.questionsRemoved +
    summary.questionsChanged +
    summary.stepsChanged +
    summary.textsChanged +
    summary.metaChanged;
  return { ...summary, empty: total === 0 };
}
