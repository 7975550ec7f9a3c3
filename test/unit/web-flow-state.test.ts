import { describe, expect, it } from 'vitest';
import type { AnswerError } from '../../schemas/src/index.js';
import {
  flowView,
  sendFailed,
  sendFailureText,
  startState,
  transition,
  type FlowAction,
  type FlowState,
} from '../../web/src/resident/flow-state.js';
import type { Position } from '../../web/src/resident/steps.js';
import { guidanceForm } from './web-fixtures.js';

// The guidance form's steps: 0 topic (topics, topicOther, message), 1 you, 2 contact, 3 consent.
const form = guidanceForm();
const fresh = startState({ answers: {}, position: 0 });
const pending = { key: 'key-1', body: '{"answers":{}}' };
const topicsError: AnswerError = { path: '/answers/topics', keyword: 'minItems', message: 'Choose at least one.' };
const consentError: AnswerError = { path: '/answers/consent', keyword: 'required', message: 'Consent is needed.' };

/** Runs actions from `position`, following each move as the history entry would; the last move and state. */
function run(state: FlowState, position: Position, ...actions: FlowAction[]): { state: FlowState; position: Position; moved?: Position } {
  let moved: Position | undefined;
  for (const action of actions) {
    const out = transition(form, position, state, action);
    state = out.state;
    moved = out.moveTo;
    if (out.moveTo !== undefined) position = out.moveTo;
  }
  return { state, position, moved };
}

describe('starting a form', () => {
  it('starts fresh with no answers, errors or send', () => {
    expect(fresh).toEqual({
      answers: {},
      serverErrors: [],
      failure: { items: [], key: 0 },
      returnToReview: false,
      sending: false,
      sent: false,
      cleared: false,
    });
    expect(flowView(form, 0, fresh)).toMatchObject({
      step: { id: 'topic' },
      fields: ['topics', 'message'],
      summary: { items: [], key: 0 },
    });
  });

  it('restores a draft: its answers and the send whose answer never came', () => {
    const restored = startState({ answers: { topics: ['housing'] }, position: 2, pending });
    expect(restored).toMatchObject({ answers: { topics: ['housing'] }, pending, sending: false });
    expect(flowView(form, 2, restored).step?.id).toBe('contact');
  });
});

describe('answering', () => {
  it('keeps what rjsf reports for the step and removes a cleared answer', () => {
    const { state } = run(fresh, 0, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['housing'], message: 'Hi' } });
    expect(state.answers).toEqual({ topics: ['housing'], message: 'Hi' });
    const cleared = run(state, 0, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['housing'] } }).state;
    expect(cleared.answers).toEqual({ topics: ['housing'] });
  });

  it('changes nothing (the same state) when no answer of the step changed', () => {
    const start = startState({ answers: { topics: ['housing'], fullName: 'Olena' }, position: 0 });
    expect(transition(form, 0, start, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['housing'] } }).state).toBe(
      start,
    );
  });

  it('keeps answers of other steps and of questions the step did not show', () => {
    const start = startState({ answers: { fullName: 'Olena', topicOther: 'kept while hidden' }, position: 0 });
    const { state } = run(start, 0, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['kela'] } });
    expect(state.answers).toEqual({ fullName: 'Olena', topicOther: 'kept while hidden', topics: ['kela'] });
  });

  it('shows a conditional question once its answer makes it visible', () => {
    const { state } = run(fresh, 0, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['other'] } });
    expect(flowView(form, 0, state).fields).toEqual(['topics', 'topicOther', 'message']);
  });

  it("drops the server's error on a question once its answer changes, and only that one", () => {
    const refused = { ...fresh, serverErrors: [topicsError, { path: '/answers/message', keyword: 'maxLength', message: 'Too long.' }] };
    const { state } = run(refused, 0, { type: 'change', fields: ['topics', 'message'], stepData: { topics: ['kela'] } });
    expect(state.serverErrors).toEqual([{ path: '/answers/message', keyword: 'maxLength', message: 'Too long.' }]);
  });
});

describe('moving between steps', () => {
  it('Next goes to the following step, and from the last one to the review', () => {
    expect(run(fresh, 0, { type: 'next' }).moved).toBe(1);
    expect(run(fresh, 3, { type: 'next' }).moved).toBe('review');
  });

  it('Back goes to the previous step, from the review to the last step, and never before the first', () => {
    expect(run(fresh, 2, { type: 'back' }).moved).toBe(1);
    expect(run(fresh, 'review', { type: 'back' }).moved).toBe(3);
    expect(run(fresh, 0, { type: 'back' }).moved).toBe(0);
  });

  it('every move empties the error summary with a new focus key and forgets a send failure', () => {
    const failed = { ...fresh, failure: { items: [{ field: 'topics', message: 'x' }], key: 4 }, sendFailure: { kind: 'offline' as const } };
    for (const action of [{ type: 'next' }, { type: 'back' }, { type: 'edit', step: 1 }] as FlowAction[]) {
      const { state } = run(failed, 1, action);
      expect(state.failure).toEqual({ items: [], key: 5 });
      expect(state.sendFailure).toBeUndefined();
    }
  });

  it("an invalid step shows rjsf's problems in the summary, under their question paths, and stays", () => {
    const out = transition(form, 0, fresh, {
      type: 'invalid',
      errors: [
        { property: '.topics', message: 'Choose at least one.', stack: '.topics Choose at least one.' },
        { property: '.children.1.childAge', message: undefined as unknown as string, stack: 'Age is needed.' },
      ],
    });
    expect(out.moveTo).toBeUndefined();
    expect(out.state.failure).toEqual({
      items: [
        { field: 'topics', message: 'Choose at least one.' },
        { field: 'children/1/childAge', message: 'Age is needed.' },
      ],
      key: 1,
    });
  });
});

describe('changing an answer from the review', () => {
  it('Change opens the step, and Next from it returns to the review', () => {
    const edit = run(fresh, 'review', { type: 'edit', step: 1 });
    expect(edit.moved).toBe(1);
    expect(edit.state.returnToReview).toBe(true);
    expect(run(edit.state, 1, { type: 'next' }).moved).toBe('review');
  });

  it('still returns to the review after going back a step first', () => {
    const { moved } = run(fresh, 'review', { type: 'edit', step: 2 }, { type: 'back' }, { type: 'next' });
    expect(moved).toBe('review');
  });
});

describe('sending', () => {
  it('starts: remembers the attempt, shows sending and forgets an earlier failure', () => {
    const failed = { ...fresh, sendFailure: { kind: 'offline' as const } };
    const { state, moved } = run(failed, 'review', { type: 'sendStarted', pending });
    expect(moved).toBeUndefined();
    expect(state).toMatchObject({ sending: true, pending });
    expect(state.sendFailure).toBeUndefined();
  });

  it('succeeds: marked sent (nothing may be saved after), still sending until the confirmation shows', () => {
    const { state } = run(fresh, 'review', { type: 'sendStarted', pending }, { type: 'sent' });
    expect(state).toMatchObject({ sent: true, sending: true });
  });

  it('fails offline or refused: stays on the review with the reason, keeps the attempt for a retry', () => {
    for (const failure of [{ kind: 'offline' }, { kind: 'refused' }, { kind: 'busy', retryAfter: 90 }] as const) {
      const { state, moved } = run(fresh, 'review', { type: 'sendStarted', pending }, { type: 'sendFailed', failure, keyReused: false });
      expect(moved).toBeUndefined();
      expect(state).toMatchObject({ sending: false, sendFailure: failure, pending });
    }
  });

  it('forgets the attempt when the server says its key was used for other answers', () => {
    const { state } = run(
      fresh,
      'review',
      { type: 'sendStarted', pending },
      { type: 'sendFailed', failure: { kind: 'refused' }, keyReused: true },
    );
    expect(state.pending).toBeUndefined();
  });

  it('retries: a new start after a failure sends again', () => {
    const { state } = run(
      fresh,
      'review',
      { type: 'sendStarted', pending },
      { type: 'sendFailed', failure: { kind: 'offline' }, keyReused: false },
      { type: 'sendStarted', pending },
    );
    expect(state).toMatchObject({ sending: true, pending });
    expect(state.sendFailure).toBeUndefined();
  });
});

describe('refused answers (the check before sending, or the server)', () => {
  it("take the resident to the first step with a problem and show only that step's problems", () => {
    const edited = { ...fresh, returnToReview: true, sending: true };
    const { state, moved } = run(edited, 'review', { type: 'answersRefused', errors: [consentError, topicsError] });
    expect(moved).toBe(0);
    expect(state.failure).toEqual({ items: [{ field: 'topics', message: 'Choose at least one.' }], key: 1 });
    expect(state).toMatchObject({ serverErrors: [consentError, topicsError], returnToReview: false, sending: false });
  });

  it('stay on the step when it is the one with the problem, and the summary takes focus again', () => {
    const out = transition(form, 0, fresh, { type: 'answersRefused', errors: [topicsError] });
    expect(out.moveTo).toBeUndefined();
    expect(out.state.failure).toEqual({ items: [{ field: 'topics', message: 'Choose at least one.' }], key: 1 });
  });

  it('of no step are shown where the resident is, under no question', () => {
    const error: AnswerError = { path: '', keyword: 'form', message: 'These answers cannot be sent.' };
    const out = transition(form, 'review', { ...fresh, returnToReview: true }, { type: 'answersRefused', errors: [error] });
    expect(out.moveTo).toBeUndefined();
    expect(out.state.failure.items).toEqual([{ field: '', message: 'These answers cannot be sent.' }]);
    expect(out.state.returnToReview).toBe(true);
  });

  it("show the server's errors of the step in the summary and on their questions once the moved-to summary is gone", () => {
    const { state } = run(
      fresh,
      'review',
      { type: 'answersRefused', errors: [consentError, topicsError] },
      { type: 'next' },
      { type: 'back' },
    );
    expect(flowView(form, 0, state)).toMatchObject({
      stepServerErrors: [topicsError],
      summary: { items: [{ field: 'topics', message: 'Choose at least one.' }], key: 3 },
    });
    expect(flowView(form, 3, state).stepServerErrors).toEqual([consentError]);
  });
});

describe('clearing the answers', () => {
  it('forgets answers, errors, the attempt and the way back to the review, starts again at the first step and says so', () => {
    const filled = { ...fresh, answers: { topics: ['kela'] }, serverErrors: [topicsError], returnToReview: true, pending };
    const { state, moved } = run(filled, 2, { type: 'clear' });
    expect(moved).toBe(0);
    expect(state).toMatchObject({ answers: {}, serverErrors: [], returnToReview: false, cleared: true });
    expect(state.pending).toBeUndefined();
  });

  it('keeps the notice on Back and hides it on the next step forward', () => {
    const cleared = run(fresh, 2, { type: 'clear' }).state;
    expect(run(cleared, 1, { type: 'back' }).state.cleared).toBe(true);
    expect(run(cleared, 0, { type: 'next' }).state.cleared).toBe(false);
  });
});

describe('a failed send, judged and worded', () => {
  it('refused answers land on their questions', () => {
    expect(sendFailed({ status: 400, code: 'invalid_answers', errors: [topicsError] })).toEqual({
      type: 'answersRefused',
      errors: [topicsError],
    });
  });

  it('busy, refused, a reused key, or no answer at all', () => {
    expect(sendFailed({ status: 429, code: 'rate_limited', retryAfter: 120, errors: [] })).toEqual({
      type: 'sendFailed',
      failure: { kind: 'busy', retryAfter: 120 },
      keyReused: false,
    });
    expect(sendFailed({ status: 503, code: 'unavailable', errors: [] })).toEqual({
      type: 'sendFailed',
      failure: { kind: 'busy' },
      keyReused: false,
    });
    expect(sendFailed({ status: 400, code: 'invalid_answers', errors: [] })).toEqual({
      type: 'sendFailed',
      failure: { kind: 'refused' },
      keyReused: false,
    });
    expect(sendFailed({ status: 422, code: 'idempotency_key_reused', errors: [] })).toEqual({
      type: 'sendFailed',
      failure: { kind: 'refused' },
      keyReused: true,
    });
    expect(sendFailed(undefined)).toEqual({ type: 'sendFailed', failure: { kind: 'offline' }, keyReused: false });
  });

  it("in the resident's words, the wait in whole minutes and at least one", () => {
    const t = (key: string, vars?: Record<string, unknown>) => (vars ? `${key}:${JSON.stringify(vars)}` : key);
    expect(sendFailureText({ kind: 'busy' }, t)).toBe('form.busy');
    expect(sendFailureText({ kind: 'busy', retryAfter: 90 }, t)).toBe('form.busyWait:{"count":2}');
    expect(sendFailureText({ kind: 'busy', retryAfter: 5 }, t)).toBe('form.busyWait:{"count":1}');
    expect(sendFailureText({ kind: 'refused' }, t)).toBe('form.failed');
    expect(sendFailureText({ kind: 'offline' }, t)).toBe('form.sendFailed');
  });
});
