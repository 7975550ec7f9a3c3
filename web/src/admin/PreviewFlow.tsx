import { useMemo, useRef, useState } from 'react';
import type { LocalizedForm } from '../../../schemas/src/localize.js';
import { hyphenate } from '../hyphenate.js';
import { useTexts } from '../texts-context.js';
import { ErrorSummary } from '../resident/ErrorSummary.js';
import { flowView, startState, transition, type FlowAction } from '../resident/flow-state.js';
import { ReviewStep } from '../resident/ReviewStep.js';
import { createKitValidator } from '../resident/rjsf-validator.js';
import { StepForm } from '../resident/StepForm.js';
import type { Answers, Position } from '../resident/steps.js';
import { requiredOnly } from '../resident/validation/required-only.js';

export interface PreviewFlowProps {
  form: LocalizedForm;
  /** Where the preview is: a step's index or the review; the admin's step controls set it too. */
  position: Position;
  onMove: (to: Position) => void;
  /** Send on the review: the preview sends nothing, it only says so. */
  onSend: () => void;
}

/**
 * A resident's steps as the form page shows them, with the resident's own components, but nothing stored, nothing
 * sent and no history entries: the answers live in this component, the position in the workbench. The real
 * validator is compiled only when a version is published, so the preview checks required answers only.
 */
export function PreviewFlow({ form, position, onMove, onSend }: PreviewFlowProps) {
  const { t, errorMessages } = useTexts();
  const [state, setState] = useState(() => startState({ answers: {}, position: 0 }));
  const current = useRef(state);
  const dispatch = (action: FlowAction) => {
    const { state: next, moveTo } = transition(form, position, current.current, action);
    current.current = next;
    setState(next);
    if (moveTo !== undefined) onMove(moveTo);
  };
  const validator = useMemo(
    () =>
      createKitValidator({ form, validate: requiredOnly(form.schema), messages: errorMessages, answers: () => current.current.answers }),
    [form, errorMessages],
  );
  const { step, fields, summary } = flowView(form, position, state);
  const answers: Answers = state.answers;

  return (
    <>
      {position !== 0 ? (
        <button type="button" className="link-button back-link" onClick={() => dispatch({ type: 'back' })}>
          {t('form.back')}
        </button>
      ) : null}
      {/* The resident's page heading; here a level lower, under the workbench's own. */}
      <h2 className="wb-preview__title">{hyphenate(form.title, form.lang)}</h2>
      {position === 0 ? <p className="lead">{form.description}</p> : null}
      <ErrorSummary items={summary.items} focusKey={summary.key} />
      {step ? (
        <>
          <h3 className="wb-preview__step">{hyphenate(step.title, form.lang)}</h3>
          <StepForm
            key={step.id}
            form={form}
            fields={fields}
            answers={answers}
            validator={validator}
            extraErrors={{}}
            onChange={(stepData) => dispatch({ type: 'change', fields, stepData })}
            onNext={() => dispatch({ type: 'next' })}
            onInvalid={(errors) => dispatch({ type: 'invalid', errors })}
          />
        </>
      ) : (
        <ReviewStep
          form={form}
          answers={answers}
          sending={false}
          onEditStep={(index) => dispatch({ type: 'edit', step: index })}
          onSend={onSend}
        />
      )}
    </>
  );
}
