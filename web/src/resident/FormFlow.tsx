import type { ValidateFunction } from 'ajv';
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { LocalizedForm } from '../../../schemas/src/index.js';
import { Loading, PageHeading } from '../components.js';
import { hyphenate } from '../hyphenate.js';
import { hasNavigated } from '../router.js';
import { useTexts } from '../texts-context.js';
import { ClearAnswers } from './ClearAnswers.js';
import { ErrorSummary } from './ErrorSummary.js';
import type { FlowStart } from './flow-state.js';
import { reviewChunk } from './chunks.js';
import { StepForm } from './StepForm.js';
import { useFormFlow } from './use-form-flow.js';

export interface FormFlowProps {
  form: LocalizedForm;
  validate: ValidateFunction;
  municipality: string;
  start: FlowStart;
  /** A personal feedback link's token, sent with the answers. */
  invite?: string;
  /** Said under the heading on every step: what a feedback link is about, or that it is spent. */
  notice?: string;
}

// Not part of the first load: the last step fetches it ahead (chunks.ts).
const ReviewStep = lazy(() => reviewChunk.load().then((m) => ({ default: m.ReviewStep })));

/** A form being filled: progress, error summary, the current step or the review. */
export function FormFlow({ form, validate, municipality, start, invite, notice }: FormFlowProps) {
  const { t } = useTexts();
  const flow = useFormFlow(form, validate, municipality, start, invite);
  const heading = useRef<HTMLHeadingElement>(null);
  const { position, steps, step, summary } = flow;

  const shownPosition = useRef(position);
  // Whether the resident has moved between steps here: the page's h1 keeps the focus it has on arrival.
  const moved = useRef(false);
  const focusHeading = () => {
    // A new step takes focus at its heading, unless the error summary took it.
    if (moved.current && hasNavigated() && summary.items.length === 0) heading.current?.focus({ preventScroll: true });
  };
  useEffect(() => {
    if (shownPosition.current === position) return;
    shownPosition.current = position;
    moved.current = true;
    focusHeading();
  }, [position]);
  // The review follows the last step: its code is fetched now, while the resident answers.
  useEffect(() => {
    if (step && position === steps.length - 1) reviewChunk.prefetch();
  }, [position]);

  return (
    <>
      {position !== 0 ? (
        // GOV.UK's back link: at the top, where a resident who wants to go back looks first.
        <button type="button" className="link-button back-link" onClick={flow.onBack}>
          {t('form.back')}
        </button>
      ) : null}
      <PageHeading>{form.title}</PageHeading>
      {position === 0 ? <p className="lead">{form.description}</p> : null}
      {notice ? (
        <p className="notice" data-invite="">
          {notice}
        </p>
      ) : null}
      {step ? (
        <div className="progress">
          <p>{t('form.step', { current: (position as number) + 1, total: steps.length })}</p>
          <progress aria-hidden="true" max={steps.length} value={(position as number) + 1} />
        </div>
      ) : null}
      {flow.replaced ? (
        <p className="notice" role="status">
          {t('form.replaced')}
        </p>
      ) : null}
      {flow.cleared ? (
        <p className="notice" role="status">
          {t('form.cleared')}
        </p>
      ) : null}
      <ErrorSummary items={summary.items} focusKey={summary.key} />
      {step ? (
        <>
          <h2 ref={heading} tabIndex={-1}>
            {hyphenate(step.title, form.lang)}
          </h2>
          <StepForm
            key={step.id}
            form={form}
            fields={flow.fields}
            answers={flow.answers}
            validator={flow.validator}
            extraErrors={flow.extraErrors}
            onChange={flow.onChange}
            onNext={flow.onNext}
            onInvalid={flow.onInvalid}
            onHoneypot={flow.onHoneypot}
          />
        </>
      ) : (
        // Lazy, so focus moves when it is on the page (`onShown`), not when the position changes.
        <Suspense fallback={<Loading />}>
          <ReviewStep
            headingRef={heading}
            onShown={focusHeading}
            form={form}
            answers={flow.answers}
            sending={flow.sending}
            sendError={flow.sendError}
            onEditStep={flow.onEditStep}
            onSend={() => void flow.send()}
          />
        </Suspense>
      )}
      <ClearAnswers onClear={flow.clearAnswers} />
    </>
  );
}
