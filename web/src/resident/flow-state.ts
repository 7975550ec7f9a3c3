import type { RJSFValidationError } from '@rjsf/utils';
import type { AnswerError, LocalizedForm } from '../../../schemas/src/index.js';
import type { Translate } from '../i18n.js';
import type { PendingSend } from './draft.js';
import type { SummaryItem } from './ErrorSummary.js';
import { fieldPathOf, firstStepWith, mergeStepAnswers, stepsOf, topFieldOf, visibleFields, type Answers, type Position } from './steps.js';

/** Where filling a form starts: a fresh form, or a draft's answers, position and unanswered send. */
export interface FlowStart {
  answers: Answers;
  position: Position;
  pending?: PendingSend;
  startToken?: string;
}

/**
 * Why sending failed, kept until the resident moves on: the server was busy (with its `Retry-After` in seconds),
 * refused the request, or never answered (offline). The answers are kept in every case.
 */
export type SendFailure = { kind: 'busy'; retryAfter?: number } | { kind: 'refused' } | { kind: 'offline' };

/**
 * Everything of filling one form except where the resident is: the position lives in the history entry (so the
 * back button and a reload work), and is passed to each transition.
 */
export interface FlowState {
  answers: Answers;
  /** What the server (or the check before sending) found wrong, until the resident changes that answer. */
  serverErrors: AnswerError[];
  /** The error summary of a failed Next or Send; a new `key` moves focus to it even when the items are the same. */
  failure: { items: SummaryItem[]; key: number };
  /** Set by "Change" on the review: Next then goes back to the review instead of the following step. */
  returnToReview: boolean;
  sending: boolean;
  /** Sent and acknowledged: nothing of the form may be saved any more. */
  sent: boolean;
  sendFailure?: SendFailure;
  /** The Idempotency-Key of a send whose answer never arrived, with the body it was for. */
  pending?: PendingSend;
  /** "Clear my answers" was just used; the next step forward hides the notice. */
  cleared: boolean;
}

/** Everything a resident (or the answer to their send) can do to a form being filled. */
export type FlowAction =
  /** rjsf reports the answers of the step's visible `fields` (a field it leaves out was cleared). */
  | { type: 'change'; fields: string[]; stepData: Answers | undefined }
  | { type: 'next' }
  | { type: 'back' }
  /** rjsf found the step's answers invalid on Next. */
  | { type: 'invalid'; errors: RJSFValidationError[] }
  /** "Change" beside a step on the review. */
  | { type: 'edit'; step: number }
  /** The answers were refused, by the check before sending or by the server (400 `invalid_answers`). */
  | { type: 'answersRefused'; errors: AnswerError[] }
  | { type: 'sendStarted'; pending: PendingSend }
  | { type: 'sent' }
  /** Sending failed; `keyReused` when the server says the pending key was used for other answers. */
  | { type: 'sendFailed'; failure: SendFailure; keyReused: boolean }
  | { type: 'clear' };

/** A transition's outcome: the new state, and the position to go to when the resident moves. */
export interface Transition {
  state: FlowState;
  moveTo?: Position;
}

/** The state a form starts in, from a fresh start or a restored draft. */
export function startState(start: FlowStart): FlowState {
  return {
    answers: start.answers,
    serverErrors: [],
    failure: { items: [], key: 0 },
    returnToReview: false,
    sending: false,
    sent: false,
    ...(start.pending ? { pending: start.pending } : {}),
    cleared: false,
  };
}

/** Moving to another step or the review: the summary and a send failure belong to where the resident was. */
function move(state: FlowState, to: Position, items: SummaryItem[] = []): Transition {
  return { state: { ...state, failure: { items, key: state.failure.key + 1 }, sendFailure: undefined }, moveTo: to };
}

const showFailure = (state: FlowState, items: SummaryItem[]): FlowState => ({ ...state, failure: { items, key: state.failure.key + 1 } });

/**
 * Refused answers: the resident is taken to the first step with a problem and shown that step's problems; errors
 * of no step are shown where the resident is, under no question.
 */
function landOnErrors(form: LocalizedForm, position: Position, state: FlowState, errors: AnswerError[]): Transition {
  const steps = stepsOf(form);
  const withErrors = { ...state, serverErrors: errors };
  const index = firstStepWith(
    steps,
    errors.map((e) => topFieldOf(e.path)),
  );
  const items = errors.map((e) => ({ field: fieldPathOf(e.path), message: e.message }));
  if (index < 0)
    return {
      state: showFailure(
        withErrors,
        items.map((i) => ({ ...i, field: '' })),
      ),
    };
  const onStep = items.filter((i) => steps[index]!.fields.includes(i.field.split('/')[0]!));
  const back = { ...withErrors, returnToReview: false };
  return index === position ? { state: showFailure(back, onStep) } : move(back, index, onStep);
}

/** The answer an rjsf error belongs to, as a summary path: `.children.1.childAge` is `children/1/childAge`. */
const rjsfItem = (e: RJSFValidationError): SummaryItem => ({
  field: (e.property ?? '').replace(/^\./, '').split('.').join('/'),
  message: e.message ?? e.stack,
});

/** What one action does to a form being filled at `position`. Pure: storage, history and sending are the hook's. */
export function transition(form: LocalizedForm, position: Position, state: FlowState, action: FlowAction): Transition {
  const last = stepsOf(form).length - 1;
  switch (action.type) {
    case 'change': {
      const answers = mergeStepAnswers(state.answers, action.fields, action.stepData);
      const changed = action.fields.filter((f) => JSON.stringify(answers[f]) !== JSON.stringify(state.answers[f]));
      if (changed.length === 0) return { state };
      return { state: { ...state, answers, serverErrors: state.serverErrors.filter((e) => !changed.includes(topFieldOf(e.path))) } };
    }
    case 'next':
      return move({ ...state, cleared: false }, state.returnToReview || position === last ? 'review' : (position as number) + 1);
    case 'back':
      return move(state, position === 'review' ? last : Math.max(0, position - 1));
    case 'invalid':
      return { state: showFailure(state, action.errors.map(rjsfItem)) };
    case 'edit':
      return move({ ...state, returnToReview: true }, action.step);
    case 'answersRefused':
      return landOnErrors(form, position, { ...state, sending: false }, action.errors);
    case 'sendStarted':
      return { state: { ...state, pending: action.pending, sending: true, sendFailure: undefined } };
    case 'sent':
      return { state: { ...state, sent: true } };
    case 'sendFailed':
      return { state: { ...state, sending: false, sendFailure: action.failure, pending: action.keyReused ? undefined : state.pending } };
    case 'clear':
      return move({ ...state, answers: {}, serverErrors: [], returnToReview: false, cleared: true, pending: undefined }, 0);
  }
}

/** What the page shows of the state at `position`: the step (none on the review), its visible fields, its errors. */
export function flowView(form: LocalizedForm, position: Position, state: FlowState) {
  const step = position === 'review' ? undefined : stepsOf(form)[position];
  const fields = step ? visibleFields(form, step, state.answers) : [];
  const stepServerErrors = state.serverErrors.filter((e) => fields.includes(topFieldOf(e.path)));
  const summary =
    state.failure.items.length > 0
      ? state.failure
      : { items: stepServerErrors.map((e) => ({ field: fieldPathOf(e.path), message: e.message })), key: state.failure.key };
  return { step, fields, stepServerErrors, summary };
}

/** The parts of an API error a failed send is judged by. */
export interface SendError {
  status: number;
  code: string;
  retryAfter?: number;
  errors: AnswerError[];
}

/**
 * The action for a send that threw: `error` is the API's answer, or undefined when none came (offline, timeout).
 * Refused answers land on their questions; a reused key is forgotten so the next send gets a new one.
 */
export function sendFailed(error: SendError | undefined): FlowAction {
  if (error?.code === 'invalid_answers' && error.errors.length > 0) return { type: 'answersRefused', errors: error.errors };
  const failure: SendFailure = !error
    ? { kind: 'offline' }
    : error.status === 429 || error.status === 503
      ? { kind: 'busy', ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }) }
      : { kind: 'refused' };
  return { type: 'sendFailed', failure, keyReused: error?.code === 'idempotency_key_reused' };
}

/** A send failure in the resident's words: busy with the real wait in whole minutes, refused, or not sent at all. */
export function sendFailureText(failure: SendFailure, t: Translate): string {
  if (failure.kind === 'busy') {
    return failure.retryAfter === undefined
      ? t('form.busy')
      : t('form.busyWait', { count: Math.max(1, Math.ceil(failure.retryAfter / 60)) });
  }
  return t(failure.kind === 'refused' ? 'form.failed' : 'form.sendFailed');
}
