import { useEffect, useRef, useState } from 'react';
import { dirOf, type Lang } from '../../../schemas/src/languages.js';
import type { FormProblem } from '../../../schemas/src/problems.js';
import {
  addQuestion,
  addStep,
  idFromLabel,
  isClosedChoice,
  moveQuestion,
  moveStep,
  newOptionValue,
  QUESTION_TYPES,
  questionsByStep,
  removeQuestion,
  removeStep,
  setCondition,
  setEmailSafe,
  setLimits,
  setOptions,
  setRequired,
  setText,
  takenIds,
  textAt,
  type Limits,
  type QuestionType,
  type QuestionView,
} from '../../../schemas/src/questions.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { languageName } from '../staff/format.js';
import { t } from '../staff/texts.js';
import { ProblemList } from './ProblemList.js';
import { problemsOfQuestion } from './problem-paths.js';
import type { Draft } from './use-draft.js';

type Edit = Draft['edit'];

const label = (def: FormDefinition, id: string) => textAt(def, 'fi', ['fields', id, 'label']) || t('workbench.untitled');

/** A text input for one text of the form in one language; an emptied field takes the text away. */
function TextField({
  def,
  lang,
  path,
  label: text,
  edit,
  multiline = false,
}: {
  def: FormDefinition;
  lang: Lang;
  path: string[];
  label: string;
  edit: Edit;
  multiline?: boolean;
}) {
  const id = `wb-text-${lang}-${path.join('-')}`;
  const value = textAt(def, lang, path);
  const onChange = (e: { currentTarget: { value: string } }) => {
    const next = e.currentTarget.value;
    edit((d) => setText(d, lang, path, next));
  };
  return (
    <div className="wb-field">
      <label htmlFor={id}>{text}</label>
      {multiline ? (
        <textarea id={id} lang={lang} dir={dirOf(lang)} value={value} rows={2} onInput={onChange} />
      ) : (
        <input id={id} type="text" lang={lang} dir={dirOf(lang)} value={value} onInput={onChange} />
      )}
    </div>
  );
}

const LIMIT_LABELS = {
  minLength: 'workbench.minLength',
  maxLength: 'workbench.maxLength',
  minimum: 'workbench.minimum',
  maximum: 'workbench.maximum',
  maxItems: 'workbench.maxItems',
} as const satisfies Record<keyof Limits, string>;

const LIMITS: Record<string, (keyof Limits)[]> = {
  shortText: ['minLength', 'maxLength'],
  longText: ['minLength', 'maxLength'],
  year: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
  severalChoices: ['maxItems'],
};

function LimitFields({ q, edit }: { q: QuestionView; edit: Edit }) {
  const keys = LIMITS[q.type];
  if (!keys) return null;
  return (
    <fieldset className="wb-limits">
      <legend>{t('workbench.limits')}</legend>
      {keys.map((key) => {
        const id = `wb-limit-${q.id}-${key}`;
        return (
          <div className="wb-field wb-field--number" key={key}>
            <label htmlFor={id}>{t(LIMIT_LABELS[key])}</label>
            <input
              id={id}
              type="number"
              inputMode="numeric"
              value={q.limits[key] ?? ''}
              onInput={(e) => {
                const raw = e.currentTarget.value;
                const value = raw === '' ? undefined : Number(raw);
                if (value === undefined || Number.isInteger(value)) edit((d) => setLimits(d, q.id, { [key]: value }));
              }}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

function Choices({ def, q, lang, edit }: { def: FormDefinition; q: QuestionView; lang: Lang; edit: Edit }) {
  const options = q.options ?? [];
  return (
    <fieldset className="wb-choices">
      <legend>{t('workbench.choices')}</legend>
      <ol>
        {options.map((value, i) => (
          <li key={value}>
            <TextField
              def={def}
              lang={lang}
              path={['fields', q.id, 'options', value]}
              label={t('workbench.choiceIn', { number: i + 1, language: languageName(lang) })}
              edit={edit}
            />
            {options.length > 2 && q.type !== 'yesNo' ? (
              <button
                type="button"
                className="button button--secondary wb-small"
                onClick={() =>
                  edit((d) =>
                    setOptions(
                      d,
                      q.id,
                      options.filter((o) => o !== value),
                    ),
                  )
                }
              >
                {t('workbench.removeChoice', { number: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => edit((d) => setOptions(d, q.id, [...options, newOptionValue(options)]))}
      >
        {t('workbench.addChoice')}
      </button>
    </fieldset>
  );
}

/** "Show only if": an earlier closed-choice question and one of its values. */
function ConditionFields({ def, q, earlier, edit }: { def: FormDefinition; q: QuestionView; earlier: QuestionView[]; edit: Edit }) {
  const sources = earlier.filter((e) => isClosedChoice(e.type));
  const source = sources.find((s) => s.id === q.condition?.field);
  const valuesOf = (s: QuestionView): { value: string | boolean; text: string }[] =>
    s.type === 'yesNo'
      ? [
          { value: true, text: t('workbench.yes') },
          { value: false, text: t('workbench.no') },
        ]
      : (s.options ?? []).map((o) => ({ value: o, text: textAt(def, 'fi', ['fields', s.id, 'options', o]) || o }));
  const id = `wb-cond-${q.id}`;
  return (
    <fieldset className="wb-condition">
      <legend>{t('workbench.condition')}</legend>
      <div className="wb-field">
        <label htmlFor={`${id}-field`}>{t('workbench.conditionQuestion')}</label>
        <select
          id={`${id}-field`}
          value={source?.id ?? ''}
          onChange={(e) => {
            const field = e.currentTarget.value;
            const chosen = sources.find((s) => s.id === field);
            const first = chosen ? valuesOf(chosen)[0] : undefined;
            edit((d) => setCondition(d, q.id, chosen && first ? { field, value: first.value } : undefined));
          }}
        >
          <option value="">{t('workbench.conditionNone')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {label(def, s.id)}
            </option>
          ))}
        </select>
      </div>
      {source ? (
        <div className="wb-field">
          <label htmlFor={`${id}-value`}>{t('workbench.conditionValue')}</label>
          <select
            id={`${id}-value`}
            value={String(q.condition?.value)}
            onChange={(e) => {
              const picked = valuesOf(source).find((v) => String(v.value) === e.currentTarget.value);
              if (picked) edit((d) => setCondition(d, q.id, { field: source.id, value: picked.value }));
            }}
          >
            {valuesOf(source).map((v) => (
              <option key={String(v.value)} value={String(v.value)}>
                {v.text}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}

function QuestionDetails({
  def,
  q,
  lang,
  earlier,
  edit,
}: {
  def: FormDefinition;
  q: QuestionView;
  lang: Lang;
  earlier: QuestionView[];
  edit: Edit;
}) {
  const language = languageName(lang);
  return (
    <div className="wb-details">
      <p className="staff-table__sub">
        {t(`workbench.types.${q.type}`)} · {t('workbench.questionId', { id: q.id })}
      </p>
      {q.type === 'other' ? <p>{t('workbench.otherType')}</p> : null}
      <TextField def={def} lang={lang} path={['fields', q.id, 'label']} label={t('workbench.labelIn', { language })} edit={edit} />
      {q.type !== 'consent' ? (
        <TextField
          def={def}
          lang={lang}
          path={['fields', q.id, 'hint']}
          label={t('workbench.hintIn', { language })}
          edit={edit}
          multiline
        />
      ) : null}
      {q.type !== 'consent' && q.type !== 'other' ? (
        <div className="wb-check">
          <input
            id={`wb-req-${q.id}`}
            type="checkbox"
            checked={q.required}
            onChange={(e) => edit((d) => setRequired(d, q.id, e.currentTarget.checked))}
          />
          <label htmlFor={`wb-req-${q.id}`}>{t('workbench.requiredLabel')}</label>
        </div>
      ) : null}
      {q.type === 'oneChoice' || q.type === 'severalChoices' || q.type === 'yesNo' ? (
        <Choices def={def} q={q} lang={lang} edit={edit} />
      ) : null}
      <LimitFields q={q} edit={edit} />
      {q.type !== 'consent' && q.type !== 'other' ? <ConditionFields def={def} q={q} earlier={earlier} edit={edit} /> : null}
      {isClosedChoice(q.type) ? (
        <div className="wb-check">
          <input
            id={`wb-safe-${q.id}`}
            type="checkbox"
            checked={q.emailSafe}
            aria-describedby={`wb-safe-${q.id}-hint`}
            onChange={(e) => edit((d) => setEmailSafe(d, q.id, e.currentTarget.checked))}
          />
          <label htmlFor={`wb-safe-${q.id}`}>{t('workbench.emailSafe')}</label>
          <p id={`wb-safe-${q.id}-hint`} className="staff-table__sub">
            {t('workbench.emailSafeHint')}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function conditionText(def: FormDefinition, q: QuestionView): string | undefined {
  const c = q.condition;
  if (!c) return undefined;
  const value =
    typeof c.value === 'boolean'
      ? t(c.value ? 'workbench.yes' : 'workbench.no')
      : textAt(def, 'fi', ['fields', c.field, 'options', String(c.value)]) || String(c.value);
  return t('workbench.shownIf', { question: label(def, c.field), value });
}

function QuestionRow({
  def,
  q,
  lang,
  earlier,
  problems,
  open,
  onToggle,
  edit,
  onError,
  moved,
  onMoved,
}: {
  def: FormDefinition;
  q: QuestionView;
  lang: Lang;
  earlier: QuestionView[];
  problems: FormProblem[];
  open: boolean;
  onToggle: () => void;
  edit: Edit;
  onError: (message: string | undefined) => void;
  /** This question was just moved with the button in that direction: that button takes focus again. */
  moved?: -1 | 1;
  onMoved: (delta: -1 | 1) => void;
}) {
  const name = label(def, q.id);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  // A moved row is rendered anew in its new place; the keyboard user's focus follows it.
  useEffect(() => {
    if (moved) (moved < 0 ? up : down).current?.focus();
  }, [moved, def]);
  const move = (delta: -1 | 1) => {
    onError(edit((d) => moveQuestion(d, q.id, delta)));
    onMoved(delta);
  };
  const detailsId = `wb-q-${q.id}-details`;
  const problemsId = `wb-q-${q.id}-problems`;
  const condition = conditionText(def, q);
  return (
    <li className={`wb-question${problems.some((p) => p.severity === 'error') ? ' wb-question--error' : ''}`} data-question={q.id}>
      <div className="wb-question__head">
        <div className="wb-question__text">
          <span className="wb-question__label">{name}</span>
          <span className="staff-table__sub">
            {t(`workbench.types.${q.type}`)} · {q.required ? t('workbench.required') : t('workbench.optional')}
            {q.emailSafe ? ` · ${t('workbench.emailSafeMark')}` : ''}
          </span>
          {condition ? <span className="staff-table__sub">{condition}</span> : null}
        </div>
        <div className="wb-question__actions">
          <button
            type="button"
            className="button button--secondary wb-small"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
          >
            {open ? t('workbench.closeQuestion') : t('workbench.edit')}
            <span className="visually-hidden">: {name}</span>
          </button>
          <button
            ref={up}
            type="button"
            className="button button--secondary wb-icon"
            aria-label={t('workbench.moveUp', { label: name })}
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            ref={down}
            type="button"
            className="button button--secondary wb-icon"
            aria-label={t('workbench.moveDown', { label: name })}
            onClick={() => move(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--secondary wb-small"
            onClick={() => {
              if (window.confirm(t('workbench.confirmRemove', { label: name }))) onError(edit((d) => removeQuestion(d, q.id)));
            }}
          >
            {t('workbench.removeShort')}
            <span className="visually-hidden">{t('workbench.removeWhat', { label: name })}</span>
          </button>
        </div>
      </div>
      <div id={problemsId}>
        <ProblemList problems={problems} />
      </div>
      {open ? (
        <div id={detailsId}>
          <QuestionDetails def={def} q={q} lang={lang} earlier={earlier} edit={edit} />
        </div>
      ) : null}
    </li>
  );
}

function AddQuestion({ def, stepId, edit, onAdded }: { def: FormDefinition; stepId: string; edit: Edit; onAdded: (id: string) => void }) {
  const [type, setType] = useState<QuestionType>('shortText');
  const [text, setTextValue] = useState('');
  const id = `wb-add-${stepId}`;
  return (
    <form
      className="wb-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        const questionId = idFromLabel(text, takenIds(def));
        const error = edit((d) => setText(addQuestion(d, stepId, type, questionId), 'fi', ['fields', questionId, 'label'], text.trim()));
        if (!error) {
          setTextValue('');
          onAdded(questionId);
        }
      }}
    >
      <fieldset>
        <legend>{t('workbench.addQuestion')}</legend>
        <div className="wb-field">
          <label htmlFor={`${id}-type`}>{t('workbench.questionType')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.currentTarget.value as QuestionType)}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt} value={qt}>
                {t(`workbench.types.${qt}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="wb-field">
          <label htmlFor={`${id}-label`}>{t('workbench.questionLabelFi')}</label>
          <input id={`${id}-label`} type="text" lang="fi" required value={text} onInput={(e) => setTextValue(e.currentTarget.value)} />
        </div>
        <button type="submit" className="button">
          {t('workbench.add')}
        </button>
      </fieldset>
    </form>
  );
}

/** The questions tab: the form's steps and their questions, each editable without JSON. */
export function QuestionEditor({ def, problems, edit }: { def: FormDefinition; problems: FormProblem[]; edit: Edit }) {
  const offered = Object.keys(def.meta.languages) as Lang[];
  const [lang, setLang] = useState<Lang>('fi');
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const [moved, setMoved] = useState<{ id: string; delta: -1 | 1 }>();
  const steps = questionsByStep(def);
  const all = steps.flatMap((s) => s.questions);
  return (
    <div className="wb-questions">
      <div className="wb-field wb-field--inline">
        <label htmlFor="wb-text-lang">{t('workbench.textLanguage')}</label>
        <select id="wb-text-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
          {offered.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <ol className="wb-steps">
        {steps.map((step, stepIndex) => (
          <li key={step.id} className="wb-step">
            <h2>
              {t('workbench.step', { number: stepIndex + 1, title: textAt(def, 'fi', ['steps', step.id]) || t('workbench.stepUntitled') })}
            </h2>
            <TextField
              def={def}
              lang={lang}
              path={['steps', step.id]}
              label={t('workbench.stepTitle', { language: languageName(lang) })}
              edit={edit}
            />
            <div className="wb-step__actions">
              <button
                type="button"
                className="button button--secondary wb-small"
                onClick={() => setError(edit((d) => moveStep(d, step.id, -1)))}
              >
                {t('workbench.moveStepUp')}
              </button>
              <button
                type="button"
                className="button button--secondary wb-small"
                onClick={() => setError(edit((d) => moveStep(d, step.id, 1)))}
              >
                {t('workbench.moveStepDown')}
              </button>
              {step.questions.length === 0 ? (
                <button
                  type="button"
                  className="button button--secondary wb-small"
                  onClick={() => setError(edit((d) => removeStep(d, step.id)))}
                >
                  {t('workbench.removeStep')}
                </button>
              ) : null}
            </div>
            <ul className="wb-question-list">
              {step.questions.map((q) => {
                const at = all.findIndex((a) => a.id === q.id);
                return (
                  <QuestionRow
                    key={q.id}
                    def={def}
                    q={q}
                    lang={lang}
                    earlier={all.slice(0, at)}
                    problems={problemsOfQuestion(problems, q.id)}
                    open={open === q.id}
                    onToggle={() => setOpen(open === q.id ? undefined : q.id)}
                    edit={edit}
                    onError={setError}
                    moved={moved?.id === q.id ? moved.delta : undefined}
                    onMoved={(delta) => setMoved({ id: q.id, delta })}
                  />
                );
              })}
            </ul>
            <AddQuestion def={def} stepId={step.id} edit={edit} onAdded={setOpen} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setError(edit((d) => addStep(d, idFromLabel('step', takenIds(d)), steps[steps.length - 2]?.id)))}
      >
        {t('workbench.addStep')}
      </button>
    </div>
  );
}
