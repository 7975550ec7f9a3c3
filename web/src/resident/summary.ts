import { normalizeAnswers, showFormAnswer, type LocalizedForm, type LocalizedStep, type ShownAnswer } from '../../../schemas/src/index.js';
import { stepsOf, visibleFields, type Answers } from './steps.js';

export interface AnswerLine {
  field: string;
  label: string;
  /** The answer as the kit shows it; no values when not answered. */
  answer: ShownAnswer;
}

export interface StepSummary {
  index: number;
  step: LocalizedStep;
  lines: AnswerLine[];
}

/** Every visible question of a form with its label and answer as it will be sent (digits made ASCII), step by step, for the review page. */
export function summarize(form: LocalizedForm, answers: Answers, yesNo: [string, string]): StepSummary[] {
  const sent = normalizeAnswers(form.schema, answers);
  return stepsOf(form).map((step, index) => ({
    index,
    step,
    lines: visibleFields(form, step, answers).map((field) => ({
      field,
      label: form.schema.properties![field]!.title ?? field,
      answer: showFormAnswer(form, field, sent[field], yesNo),
    })),
  }));
}
