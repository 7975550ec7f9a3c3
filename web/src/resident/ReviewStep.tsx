import { useEffect, type Ref } from 'react';
import type { LocalizedForm } from '../../../schemas/src/index.js';
import { hyphenate } from '../hyphenate.js';
import { ShownAnswerView } from '../ShownAnswerView.js';
import { useTexts } from '../texts-context.js';
import { confirmationChunk } from './chunks.js';
import type { Answers } from './steps.js';
import { summarize } from './summary.js';

export interface ReviewStepProps {
  form: LocalizedForm;
  answers: Answers;
  sending: boolean;
  sendError?: string;
  onEditStep: (index: number) => void;
  onSend: () => void;
  /** The step's heading, which the flow moves focus to (a prop, not `ref`: the flow loads this component lazily). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Called once the step is on the page (its heading in `headingRef`). */
  onShown?: () => void;
}

/** Every answer with its question, a Change button per step, and Send. */
export function ReviewStep(props: ReviewStepProps) {
  const { t } = useTexts();
  useEffect(() => {
    // The confirmation follows Send: its code is fetched now, while the resident reads the answers.
    confirmationChunk.prefetch();
    props.onShown?.();
  }, []);
  const summary = summarize(props.form, props.answers, [t('form.yes'), t('form.no')]);
  return (
    <>
      <h2 ref={props.headingRef} tabIndex={-1}>
        {t('form.review')}
      </h2>
      <p>{t('form.reviewIntro')}</p>
      {summary.map(({ index, step, lines }) => (
        <section className="review-step" key={step.id} aria-labelledby={`review-${step.id}`}>
          <div className="review-step__header">
            <h3 id={`review-${step.id}`}>{hyphenate(step.title, props.form.lang)}</h3>
            <button type="button" className="link-button" onClick={() => props.onEditStep(index)}>
              {t('form.edit')}
              <span className="visually-hidden">: {step.title}</span>
            </button>
          </div>
          <dl className="answers">
            {lines.map((line) => (
              <div key={line.field}>
                <dt>{line.label}</dt>
                <dd>
                  <ShownAnswerView answer={line.answer} empty={t('form.notAnswered')} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {props.sendError ? (
        <div className="notice notice--error" role="alert">
          <p>{props.sendError}</p>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {props.sending ? t('form.sending') : ''}
      </p>
      <div className="actions">
        <button type="button" className="button" aria-disabled={props.sending} onClick={props.onSend}>
          {props.sending ? t('form.sending') : props.sendError ? t('form.retry') : t('form.send')}
        </button>
      </div>
    </>
  );
}
