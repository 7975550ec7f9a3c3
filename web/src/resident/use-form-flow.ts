import type { RJSFValidationError } from '@rjsf/utils';
import type { ValidateFunction } from 'ajv';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LocalizedForm } from '../../../schemas/src/index.js';
import { ApiError, submitAnswers, type Receipt } from '../api.js';
import { navigate, useLocation } from '../router.js';
import { useTexts } from '../texts-context.js';
import { activeKey, clearDraft, draftKey, replacedKey, splitForDevice, tabAnswersKey, writeDraft, writeTabAnswers } from './draft.js';
import {
  flowView,
  sendFailed,
  sendFailureText,
  startState,
  transition,
  type FlowAction,
  type FlowStart,
  type FlowState,
} from './flow-state.js';
import { createKitValidator, errorSchemaOf, validateForm } from './rjsf-validator.js';
import { positionFrom, stepsOf, type Answers, type Position } from './steps.js';
import { deviceStore, tabStore } from './storage.js';
import { newIdempotencyKey, sendAttempt, submissionBody } from './submission.js';

/**
 * A receipt kept in the history entry, so reload and back show the confirmation, not an empty form: the reference,
 * how the resident will hear back, and the form's own next steps and suggested next service.
 */
export interface ReceiptState {
  receipt: Receipt & { next: string; suggest?: string };
}

/**
 * Filling one form: the transitions of `flow-state.ts` wired to their effects: the position in the history entry,
 * the draft on the device and in the tab, and sending.
 */
export function useFormFlow(form: LocalizedForm, validate: ValidateFunction, municipality: string, start: FlowStart, invite?: string) {
  const { t, errorMessages } = useTexts();
  const { path, state: location } = useLocation();
  const steps = stepsOf(form);
  const position = positionFrom(location, steps.length) ?? 0;
  const [state, setState] = useState(() => startState(start));
  // Reloaded because the version the answers were filled against was replaced: say so once.
  const [replaced] = useState(() => {
    const key = replacedKey(municipality, form.id);
    const was = tabStore.getItem(key) !== null;
    tabStore.removeItem(key);
    return was;
  });
  // The latest state, read synchronously: a double tap must not send twice, and rjsf may report twice per render.
  const current = useRef(state);

  const dispatch = (action: FlowAction): FlowState => {
    const { state: next, moveTo } = transition(form, position, current.current, action);
    current.current = next;
    setState(next);
    if (moveTo !== undefined) navigate(path, { state: { position: moveTo } });
    return next;
  };

  const validator = useMemo(
    () => createKitValidator({ form, validate, messages: errorMessages, answers: () => current.current.answers }),
    [form, validate, errorMessages],
  );

  // Suspected spam (docs/http-contract.md): when the form was first shown, kept with the draft; the honeypot's value.
  const started = useRef(start.startToken);
  const honeypot = useRef('');

  const storageKey = draftKey(municipality, form.id);
  const saveDraft = (at: Position) => {
    const { answers, pending } = current.current;
    const { device, tab } = splitForDevice(form, answers);
    const startToken = started.current;
    writeDraft(deviceStore, storageKey, {
      formVersion: form.version,
      savedAt: Date.now(),
      answers: device,
      position: at,
      pending,
      startToken,
    });
    writeTabAnswers(tabStore, tabAnswersKey(municipality, form.id), tab);
    tabStore.setItem(activeKey(municipality, form.id), '1');
  };
  /** Removes every trace of this form's answers from the device and the tab. */
  const forgetAnswers = () => {
    clearDraft(deviceStore, storageKey);
    clearDraft(tabStore, tabAnswersKey(municipality, form.id));
    clearDraft(tabStore, activeKey(municipality, form.id));
  };

  // Resume at the draft's position first; saving starts once the page shows it, so it never overwrites it.
  const synced = useRef(false);
  useEffect(() => {
    if (start.position !== position) navigate(path, { state: { position: start.position }, replace: true });
  }, []);
  useEffect(() => {
    if (position === start.position) synced.current = true;
    if (synced.current && !current.current.sent) saveDraft(position);
  }, [state.answers, position]);

  const send = async () => {
    if (current.current.sending) return;
    const { answers, pending } = current.current;
    const errors = validateForm({ form, validate, messages: errorMessages }, answers);
    if (errors.length > 0) return void dispatch({ type: 'answersRefused', errors });
    const body = submissionBody(form, municipality, answers, invite);
    // The pending send is remembered on the device without the answers kept off it; a retry compares the same.
    const attempt = sendAttempt(pending, { ...body, answers: splitForDevice(form, body.answers).device }, newIdempotencyKey);
    dispatch({ type: 'sendStarted', pending: attempt });
    saveDraft(position);
    try {
      const signals = {
        ...(started.current ? { startToken: started.current } : {}),
        ...(honeypot.current ? { extra: honeypot.current } : {}),
      };
      const receipt = await submitAnswers(form.id, { ...body, ...signals }, attempt.key);
      dispatch({ type: 'sent' });
      forgetAnswers();
      const kept: ReceiptState['receipt'] = {
        ...receipt,
        confirmationBy: receipt.confirmationBy ?? [],
        next: form.next,
        ...(form.suggest ? { suggest: form.suggest } : {}),
      };
      navigate(path, { state: { receipt: kept } satisfies ReceiptState, replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'form_version_retired') {
        // The form changed long enough ago that this version is no longer taken: load the current one. The answers
        // stay in the draft and this tab carries on from it, keeping the answers to questions the new version asks.
        tabStore.setItem(replacedKey(municipality, form.id), '1');
        window.location.reload();
        return;
      }
      dispatch(sendFailed(e instanceof ApiError ? e : undefined));
    }
  };

  const { step, fields, stepServerErrors, summary } = flowView(form, position, state);
  return {
    steps,
    position,
    step,
    fields,
    answers: state.answers,
    validator,
    sending: state.sending,
    sendError: state.sendFailure && sendFailureText(state.sendFailure, t),
    summary,
    extraErrors: errorSchemaOf(stepServerErrors),
    onChange: (stepData: Answers | undefined) => void dispatch({ type: 'change', fields, stepData }),
    onNext: () => void dispatch({ type: 'next' }),
    onBack: () => void dispatch({ type: 'back' }),
    onInvalid: (errors: RJSFValidationError[]) => void dispatch({ type: 'invalid', errors }),
    onEditStep: (step: number) => void dispatch({ type: 'edit', step }),
    onHoneypot: (value: string) => void (honeypot.current = value),
    send,
    cleared: state.cleared,
    replaced,
    /** "Clear my answers": everything typed is forgotten here and on the device, and the form starts again. */
    clearAnswers: () => {
      forgetAnswers();
      dispatch({ type: 'clear' });
    },
  };
}

export type FormFlow = ReturnType<typeof useFormFlow>;
