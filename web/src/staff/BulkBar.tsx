import { useEffect, useRef, useState } from 'react';
import { bulkChange, type BulkChange, type BulkResult } from './staff-api.js';
import { errorText } from './staff-ui.js';
import { t } from './texts.js';

type Action = BulkChange['action'];

interface Props {
  /** The references selected, in the inbox's order. */
  selected: string[];
  onClear: () => void;
  /** The change was saved (in whole or in part): what became of each, and the action taken. */
  onDone: (action: Action, result: BulkResult) => void;
  onError: (error: unknown) => void;
}

/**
 * The bar that sticks to the bottom of the screen while submissions are selected: reject them, or mark them as
 * spam, each after a confirm step that names how many.
 */
export function BulkBar({ selected, onClear, onDone, onError }: Props) {
  const [asking, setAsking] = useState<Action>();
  const [sending, setSending] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const count = selected.length;

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  async function confirm(action: Action) {
    if (sending) return;
    setSending(true);
    try {
      onDone(action, await bulkChange({ references: selected, action }));
    } catch (error) {
      onError(error);
    } finally {
      setSending(false);
      setAsking(undefined);
    }
  }

  return (
    <section className="staff-bulk" aria-labelledby="staff-bulk-heading">
      <h2 id="staff-bulk-heading" className="visually-hidden">
        {t('bulk.heading')}
      </h2>
      {asking ? (
        <>
          <p ref={question} tabIndex={-1} className="staff-bulk__question">
            {t(asking === 'spam' ? 'bulk.confirmSpam' : 'bulk.confirmReject', { count })}
          </p>
          <div className="staff-bulk__buttons">
            <button type="button" className="button" aria-disabled={sending || undefined} onClick={() => void confirm(asking)}>
              {sending ? t('bulk.sending') : t('bulk.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={sending} onClick={() => setAsking(undefined)}>
              {t('bulk.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="staff-bulk__count">{t('bulk.selected', { count })}</p>
          <div className="staff-bulk__buttons">
            <button type="button" className="button" onClick={() => setAsking('reject')}>
              {t('bulk.reject')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking('spam')}>
              {t('bulk.spam')}
            </button>
            <button type="button" className="link-button" onClick={onClear}>
              {t('bulk.clear')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** What a bulk change did, as Finnish sentences: how many changed, were rejected already, not found, or in conflict. */
export function bulkResultText(action: Action, { results }: BulkResult): string {
  const refs = (outcome: BulkResult['results'][number]['outcome']) => results.filter((r) => r.outcome === outcome).map((r) => r.reference);
  const changed = refs('changed').length;
  const unchanged = refs('unchanged').length;
  const [notFound, conflict] = [refs('not_found'), refs('conflict')];
  return [
    changed || (!unchanged && !notFound.length && !conflict.length)
      ? t(action === 'spam' ? 'bulk.markedSpam' : 'bulk.rejected', { count: changed })
      : '',
    unchanged ? t('bulk.unchanged', { count: unchanged }) : '',
    notFound.length ? t('bulk.notFound', { references: notFound.join(', ') }) : '',
    conflict.length ? t('bulk.conflict', { references: conflict.join(', ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The sentence for a bulk change that did not get through at all. */
export const bulkErrorText = (error: unknown) => `${t('bulk.failed')} ${errorText(error)}`;
