import { useEffect, useRef, type MouseEvent } from 'react';
import { useTexts } from '../texts-context.js';

export interface SummaryItem {
  /** The question's path below the answers (`children/1/childAge`), or '' for an error of no single question. */
  field: string;
  message: string;
}

/** The DOM id rjsf gives a field: `children/1/childAge` is `root_children_1_childAge`. */
export const fieldDomId = (field: string) => `root_${field.split('/').join('_')}`;

function focusField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const element = document.getElementById(fieldDomId(field));
  const target = element?.matches('input, select, textarea') ? element : element?.querySelector<HTMLElement>('input, select, textarea');
  if (!target) return;
  event.preventDefault();
  target.focus();
  (target.closest('.form-group') ?? target).scrollIntoView({ block: 'start' });
}

/**
 * The list of problems at the top of a step: it takes focus each time `focusKey` changes (a failed Next or
 * Send), and each message links to its question.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: number }) {
  const { t } = useTexts();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // Focus moves only on a new failure, not on every change of the list.
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('form.errorCount', { count: items.length })}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.field}-${i}`}>
            {item.field ? (
              <a href={`#${fieldDomId(item.field)}`} onClick={(e) => focusField(e, item.field)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
