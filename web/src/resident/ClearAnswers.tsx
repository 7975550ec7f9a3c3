import { useEffect, useRef, useState } from 'react';
import { useTexts } from '../texts-context.js';

/**
 * Unsent answers stay on the device (a library's computer, a reception desk's tablet): this says so, and offers to
 * clear them, asking once before it does, since clearing cannot be undone.
 */
export function ClearAnswers({ onClear }: { onClear: () => void }) {
  const { t } = useTexts();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  return (
    <div className="device-note">
      <p className="hint">{t('form.draftSaved')}</p>
      {asking ? (
        <div className="notice">
          <p ref={question} tabIndex={-1}>
            {t('form.clearConfirm')}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => (setAsking(false), onClear())}>
              {t('form.clearYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t('form.clearCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('form.clear')}
        </button>
      )}
    </div>
  );
}
