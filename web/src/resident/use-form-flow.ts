import type { RJSFValidationError } from '@rjsf/utils';
import type { ValidateFunction } from 'ajv';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerError, LocalizedForm } from '../../../schemas/src/index.js';
import { ApiError, submitAnswers, type Receipt } from '../api.js';
import { navigate, useLocation } from '../router.js';
import type { Translate } from '../i18n.js';
import { useTexts } from '../texts-context.js';
import { activeKey, clearDraft, draftKey, splitForDevice, tabAnswersKey, writeDraft, writeTabAnswers, type PendingSend } from './draft.js';
import type { SummaryItem } from './ErrorSummary.js';
import { createKitValidator, errorSchemaOf, validateForm } from './rjsf-validator.js';
import { fieldPathOf, firstStepWith, mergeStepAnswers, positionFrom, stepsOf, topFieldOf, visibleFields, type Answers, type Position } from './steps.js';
import { deviceStore, tabStore } from './storage.js';
import { newIdempotencyKey, sendAttempt, submissionBody } from './submission.js';

export interface FlowStart {
  answers: Answers;
  position: Position;
  pending?: PendingSend;
}

/**
 * A receipt kept in the history entry, so reload and back show the confirmation, not an empty form: the reference,
 * how the resident will hear back, and the form's own next steps and suggested next service.
 */
export interface ReceiptState {
  receipt: Receipt & { next: string; suggest?: string };
}

/**
 * Why sending failed, in the resident's words: busy with the real wait (`Retry-After`, in whole minutes), refused,
 * or not sent at all (offline); the answers are kept in every case.
 */
export function sendFailure(e: unknown, t: Translate): string {
  if (e instanceof ApiError && (e.status === 429 || e.status === 503)) {
    return e.retryAfter === undefined ? t('form.busy') : t('form.busyWait', { count: Math.max(1, Math.ceil(e.retryAfter / 60)) });
  }
  return t(e instanceof ApiError ? 'form.failed' : 'form.sendFailed');
}

/** The state and actions of filling one form: steps, answers, errors, draft and sending. */
export function useFormFlow(form: LocalizedForm, validate: ValidateFunction, municipality: string, start: FlowStart) {
  const { t, errorMessages } = useTexts();
  const { path, state } = useLocation();
  const steps = stepsOf(form);
  const position = positionFrom(state, steps.length) ?? 0;
  const [answers, setAnswers] = useState(start.answers);
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const pending = useRef(start.pending);
  const [serverErrors, setServerErrors] = useState<AnswerError[]>([]);
  const [failure, setFailure] = useState<{ items: SummaryItem[]; key: number }>({ items: [], key: 0 });
  const [returnToReview, setReturnToReview] = useState(false);
  const [sending, setSending] = useState(false);
  // Refs, not state: a double tap must not send twice, and nothing may be saved once the form is sent.
  const busy = useRef(false);
  const sent = useRef(false);
  const [sendError, setSendError] = useState<string>();
  const storageKey = draftKey(municipality, form.id);

  const validator = useMemo(
    () => createKitValidator({ form, validate, messages: errorMessages, answers: () => answersRef.current }),
    [form, validate, errorMessages],
  );

  const saveDraft = (position: Position) => {
    const { device, tab } = splitForDevice(form, answersRef.current);
    writeDraft(deviceStore, storageKey, { formVersion: form.version, savedAt: Date.now(), answers: device, position, pending: pending.current });
    writeTabAnswers(tabStore, tabAnswersKey(municipality, form.id), tab);
    tabStore.setItem(activeKey(municipality, form.id), '1');
  };
  // Resume at the draft's position first; saving starts once the page shows it, so it never overwrites it.
  const synced = useRef(false);
  useEffect(() => {
    if (start.position !== position) navigate(path, { state: { position: start.position }, replace: true });
  }, []);
  useEffect(() => {
    if (position === start.position) synced.current = true;
    if (synced.current && !sent.current) saveDraft(position);
  }, [answers, position]);

  /** Removes every trace of this form's answers from the device and the tab. */
  const forgetAnswers = () => {
    clearDraft(deviceStore, storageKey);
    clearDraft(tabStore, tabAnswersKey(municipality, form.id));
    clearDraft(tabStore, activeKey(municipality, form.id));
  };
  const [cleared, setCleared] = useState(false);

  const step = position === 'review' ? undefined : steps[position];
  const fields = step ? visibleFields(form, step, answers) : [];
  const stepServerErrors = serverErrors.filter((e) => fields.includes(topFieldOf(e.path)));

  const moveTo = (next: Position, items: SummaryItem[] = []) => {
    setFailure((f) => ({ items, key: f.key + 1 }));
    setSendError(undefined);
    navigate(path, { state: { position: next } });
  };

  const landOnErrors = (errors: AnswerError[]) => {
    setServerErrors(errors);
    const index = firstStepWith(steps, errors.map((e) => topFieldOf(e.path)));
    const items = errors.map((e) => ({ field: fieldPathOf(e.path), message: e.message }));
    if (index < 0) {
      setFailure((f) => ({ items: items.map((i) => ({ ...i, field: '' })), key: f.key + 1 }));
      return;
    }
    setReturnToReview(false);
    const onStep = items.filter((i) => steps[index]!.fields.includes(i.field.split('/')[0]!));
    if (index === position) setFailure((f) => ({ items: onStep, key: f.key + 1 }));
    else moveTo(index, onStep);
  };

  const send = async () => {
    if (busy.current) return;
    const errors = validateForm({ form, validate, messages: errorMessages }, answers);
    if (errors.length > 0) return landOnErrors(errors);
    const body = submissionBody(form, municipality, answers);
    // The pending send is remembered on the device without the answers kept off it; a retry compares the same.
    pending.current = sendAttempt(pending.current, { ...body, answers: splitForDevice(form, body.answers).device }, newIdempotencyKey);
    saveDraft(position);
    busy.current = true;
    setSending(true);
    setSendError(undefined);
    try {
      const receipt = await submitAnswers(form.id, body, pending.current.key);
      sent.current = true;
      forgetAnswers();
      const kept: ReceiptState['receipt'] = { ...receipt, confirmationBy: receipt.confirmationBy ?? [], next: form.next, ...(form.suggest ? { suggest: form.suggest } : {}) };
      navigate(path, { state: { receipt: kept } satisfies ReceiptState, replace: true });
    } catch (e) {
      busy.current = false;
      setSending(false);
      if (e instanceof ApiError && e.code === 'invalid_answers' && e.errors.length > 0) return landOnErrors(e.errors);
      if (e instanceof ApiError && e.code === 'idempotency_key_reused') pending.current = undefined;
      setSendError(sendFailure(e, t));
    }
  };

  return {
    steps,
    position,
    step,
    fields,
    answers,
    validator,
    sending,
    sendError,
    summary: failure.items.length > 0 ? failure : { items: stepServerErrors.map((e) => ({ field: fieldPathOf(e.path), message: e.message })), key: failure.key },
    extraErrors: errorSchemaOf(stepServerErrors),
    onChange: (stepData: Answers | undefined) => {
      const next = mergeStepAnswers(answersRef.current, fields, stepData);
      const changed = fields.filter((f) => JSON.stringify(next[f]) !== JSON.stringify(answersRef.current[f]));
      if (changed.length === 0) return;
      answersRef.current = next;
      setAnswers(next);
      setServerErrors((errors) => errors.filter((e) => !changed.includes(topFieldOf(e.path))));
    },
    onNext: () => (setCleared(false), moveTo(returnToReview || position === steps.length - 1 ? 'review' : (position as number) + 1)),
    onBack: () => moveTo(position === 'review' ? steps.length - 1 : Math.max(0, position - 1)),
    onInvalid: (errors: RJSFValidationError[]) =>
      setFailure((f) => ({ items: errors.map((e) => ({ field: (e.property ?? '').replace(/^\./, '').split('.').join('/'), message: e.message ?? e.stack })), key: f.key + 1 })),
    onEditStep: (index: number) => {
      setReturnToReview(true);
      moveTo(index);
    },
    send,
    cleared,
    /** "Clear my answers": everything typed is forgotten here and on the device, and the form starts again. */
    clearAnswers: () => {
      forgetAnswers();
      pending.current = undefined;
      answersRef.current = {};
      setAnswers({});
      setServerErrors([]);
      setReturnToReview(false);
      setCleared(true);
      moveTo(0);
    },
  };
}

export type FormFlow = ReturnType<typeof useFormFlow>;
