import { createElement, type ReactNode } from 'react';
import type { DefinitionDiff, LanguageTextChanges, QuestionAspect, TextChange } from '../../../schemas/src/definition-diff.js';
import { summarizeDiff } from '../../../schemas/src/definition-diff.js';
import type { Condition, Limits } from '../../../schemas/src/questions.js';
import { textAt } from '../../../schemas/src/questions.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { languageName } from '../staff/format.js';
import { t } from '../staff/texts.js';

/** A heading `depth` levels below the view's first (h3 unless told), so the view fits under any heading. */
function H({ depth, base, children }: { depth: 0 | 1 | 2; base: number; children: ReactNode }) {
  return createElement(`h${Math.min(base + depth, 6)}`, null, children);
}

/** The longest text shown whole in the difference; a longer one is cut with an ellipsis. */
const SHOWN_TEXT = 160;
const cut = (text: string) => (text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT - 1)}…` : text);

/** Names questions, steps and choices in Finnish, from the version that has them (the newer one first). */
function namer(before: FormDefinition, after: FormDefinition) {
  const read = (path: string[]) => textAt(after, 'fi', path) || textAt(before, 'fi', path);
  const question = (id: string) => read(['fields', id, 'label']) || id;
  const step = (id: string) => read(['steps', id]) || id;
  const choice = (field: string, value: string) => read(['fields', field, 'options', value]) || value;
  const condition = (c: Condition | undefined) =>
    c
      ? t('workbench.history.aspects.when', {
          question: question(c.field),
          value: typeof c.value === 'boolean' ? (c.value ? t('workbench.yes') : t('workbench.no')) : choice(c.field, String(c.value)),
        })
      : t('workbench.history.aspects.always');
  return { question, step, choice, condition };
}
type Namer = ReturnType<typeof namer>;

/** The limits' names, as the question editor labels them. */
const LIMIT_LABELS = {
  minLength: 'workbench.minLength',
  maxLength: 'workbench.maxLength',
  minimum: 'workbench.minimum',
  maximum: 'workbench.maximum',
  maxItems: 'workbench.maxItems',
} as const satisfies Record<keyof Limits, string>;

function limitsText(limits: Limits): string {
  const parts = (Object.entries(limits) as [keyof Limits, number][]).map(([key, value]) => `${t(LIMIT_LABELS[key])} ${value}`);
  return parts.length ? parts.join(', ') : t('workbench.history.aspects.noLimits');
}

function aspectText(aspect: QuestionAspect, id: string, name: Namer): string {
  switch (aspect.kind) {
    case 'type':
      return t('workbench.history.aspects.type', {
        before: t(`workbench.types.${aspect.before}`),
        after: t(`workbench.types.${aspect.after}`),
      });
    case 'required':
      return aspect.after ? t('workbench.history.aspects.requiredOn') : t('workbench.history.aspects.requiredOff');
    case 'condition':
      return t('workbench.history.aspects.condition', { before: name.condition(aspect.before), after: name.condition(aspect.after) });
    case 'choices':
      return [
        aspect.added.length
          ? t('workbench.history.aspects.choicesAdded', { choices: aspect.added.map((c) => name.choice(id, c)).join(', ') })
          : '',
        aspect.removed.length
          ? t('workbench.history.aspects.choicesRemoved', { choices: aspect.removed.map((c) => name.choice(id, c)).join(', ') })
          : '',
        aspect.reordered ? t('workbench.history.aspects.choicesReordered') : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'limits':
      return t('workbench.history.aspects.limits', { before: limitsText(aspect.before), after: limitsText(aspect.after) });
    case 'emailSafe':
      return aspect.after ? t('workbench.history.aspects.emailSafeOn') : t('workbench.history.aspects.emailSafeOff');
    case 'step':
      return t('workbench.history.aspects.step', { before: name.step(aspect.before), after: name.step(aspect.after) });
    default:
      return t('workbench.history.aspects.other');
  }
}

/** Where a text is shown, in Finnish: "Kysymys: Nimi", "Vaihtoehto Aamupäivä: Milloin soitamme?". */
function placeText(path: string[], name: Namer): string {
  const [part, id = '', key = '', sub = ''] = path;
  if (part === 'steps') return t('workbench.history.places.step', { step: name.step(id) });
  if (part === 'consent') return t('workbench.history.places.consent');
  if (part === 'title' || part === 'description' || part === 'next') return t(`workbench.history.places.${part}`);
  if (part !== 'fields') return path.join('.');
  const question = name.question(id);
  if (key === 'label' || key === 'hint') return t(`workbench.history.places.${key}`, { question });
  if (key === 'options') return t('workbench.history.places.option', { option: name.choice(id, sub), question });
  if (key === 'errors') return t('workbench.history.places.error', { keyword: sub, question });
  return t('workbench.history.places.group', { key: path.slice(2).join('.'), question });
}

function TextList({ heading, changes, name, base }: { heading: string; changes: TextChange[]; name: Namer; base: number }) {
  if (!changes.length) return null;
  return (
    <>
      <H depth={2} base={base}>
        {heading}
      </H>
      <ul className="wb-diff__list">
        {changes.map((c) => (
          <li key={c.path.join('.')}>
            <span className="wb-diff__place">{placeText(c.path, name)}</span>
            {': '}
            {c.before !== undefined && c.after !== undefined ? (
              <>
                <del>{cut(c.before)}</del> → <ins>{cut(c.after)}</ins>
              </>
            ) : c.after !== undefined ? (
              <ins>{cut(c.after)}</ins>
            ) : (
              <del>{cut(c.before ?? '')}</del>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function LanguageTexts({ texts, name, base }: { texts: LanguageTextChanges; name: Namer; base: number }) {
  const count = texts.added.length + texts.removed.length + texts.changed.length;
  return (
    <section className="wb-diff__language">
      <H depth={1} base={base}>
        {languageName(texts.lang)} ({t('workbench.history.textsCount', { count })})
      </H>
      <TextList heading={t('workbench.history.textsChanged')} changes={texts.changed} name={name} base={base} />
      <TextList heading={t('workbench.history.textsAdded')} changes={texts.added} name={name} base={base} />
      <TextList heading={t('workbench.history.textsRemoved')} changes={texts.removed} name={name} base={base} />
    </section>
  );
}

/** The difference between two versions in plain Finnish: questions, steps, texts per language, settings. */
export function DiffView({
  diff,
  before,
  after,
  level = 3,
}: {
  diff: DefinitionDiff;
  before: FormDefinition;
  after: FormDefinition;
  /** The level of the view's headings (h3 by default). */
  level?: number;
}) {
  const name = namer(before, after);
  if (summarizeDiff(diff).empty) return <p>{t('workbench.history.noDifference')}</p>;
  const { questions, steps, texts, meta } = diff;
  const inStep = (q: { id: string; step: string }) =>
    t('workbench.history.questionIn', { question: name.question(q.id), step: name.step(q.step) });
  const stepLines = [
    ...steps.added.map((s) => t('workbench.history.stepAdded', { step: name.step(s) })),
    ...steps.removed.map((s) => t('workbench.history.stepRemoved', { step: name.step(s) })),
    ...steps.renamed.map((s) => t('workbench.history.stepRenamed', { before: s.before || s.id, after: s.after || s.id })),
    ...(steps.reordered ? [t('workbench.history.stepsReordered')] : []),
  ];
  const metaLines = [
    ...meta.languagesAdded.map((l) => t('workbench.history.settings.languageAdded', { language: languageName(l) })),
    ...meta.languagesRemoved.map((l) => t('workbench.history.settings.languageRemoved', { language: languageName(l) })),
    ...meta.reviewChanged.map((r) =>
      t(r.reviewed ? 'workbench.history.settings.reviewed' : 'workbench.history.settings.notReviewed', {
        language: languageName(r.lang),
      }),
    ),
    ...meta.settingsChanged.map((s) => t(`workbench.history.settings.${s}`)),
  ];
  return (
    <div className="wb-diff">
      {questions.added.length || questions.removed.length || questions.changed.length ? (
        <section>
          <H depth={0} base={level}>
            {t('workbench.history.questions')}
          </H>
          {questions.added.length ? (
            <>
              <H depth={1} base={level}>
                {t('workbench.history.questionsAdded')}
              </H>
              <ul className="wb-diff__list">
                {questions.added.map((q) => (
                  <li key={q.id}>{inStep(q)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {questions.removed.length ? (
            <>
              <H depth={1} base={level}>
                {t('workbench.history.questionsRemoved')}
              </H>
              <ul className="wb-diff__list">
                {questions.removed.map((q) => (
                  <li key={q.id}>{inStep(q)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {questions.changed.length ? (
            <>
              <H depth={1} base={level}>
                {t('workbench.history.questionsChanged')}
              </H>
              <ul className="wb-diff__list">
                {questions.changed.map((q) => (
                  <li key={q.id}>
                    <span className="wb-diff__place">{name.question(q.id)}</span>
                    {': '}
                    {q.aspects.map((a) => aspectText(a, q.id, name)).join('; ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {stepLines.length ? (
        <section>
          <H depth={0} base={level}>
            {t('workbench.history.steps')}
          </H>
          <ul className="wb-diff__list">
            {stepLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {texts.length ? (
        <section>
          <H depth={0} base={level}>
            {t('workbench.history.texts')}
          </H>
          {texts.map((l) => (
            <LanguageTexts key={l.lang} texts={l} name={name} base={level} />
          ))}
        </section>
      ) : null}
      {metaLines.length ? (
        <section>
          <H depth={0} base={level}>
            {t('workbench.history.settings.heading')}
          </H>
          <ul className="wb-diff__list">
            {metaLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

const SUMMARY_PARTS = ['questionsAdded', 'questionsRemoved', 'questionsChanged', 'stepsChanged', 'textsChanged', 'metaChanged'] as const;

/** The difference in one Finnish line of counts ("1 kysymys lisätty, 3 tekstiä muutettu (suomi, englanti)"); `''` when empty. */
export function summaryText(diff: DefinitionDiff): string {
  const summary = summarizeDiff(diff);
  const languages = summary.languages.map(languageName).join(', ');
  return SUMMARY_PARTS.filter((part) => summary[part] > 0)
    .map((part) => t(`workbench.history.summary.${part}`, { count: summary[part], languages }))
    .join(', ');
}
