import { useEffect, useRef } from 'react';
import { formTitle, type StaffCatalog } from './catalog.js';
import { formatTime, languageName } from './format.js';
import type { InboxItem } from './staff-api.js';
import { submissionPath } from './staff-routes.js';
import { StatusBadge } from './staff-ui.js';
import { t } from './texts.js';

interface Props {
  items: InboxItem[];
  catalog: StaffCatalog;
  /** Show each item's municipality (for members of more than one). */
  showMunicipality: boolean;
  /** Move focus to this item's link (the first of a page just loaded). */
  focusIndex?: number;
}

/** The inbox, newest first: one card per submission, laid out as rows on a wide screen. */
export function InboxList({ items, catalog, showMunicipality, focusIndex }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusIndex !== undefined) list.current?.querySelectorAll<HTMLAnchorElement>('.staff-item__link')[focusIndex]?.focus();
  }, [focusIndex]);

  return (
    <ol ref={list} className="staff-inbox">
      {items.map((item) => (
        <li key={item.reference} className="staff-item">
          <h3 className="staff-item__title">
            <a className="staff-item__link" href={submissionPath(item.reference)}>
              <span className="staff-ref">{item.reference}</span>
              <span className="visually-hidden">, </span>
              <span className="staff-item__form">{formTitle(catalog, item.form)}</span>
            </a>
          </h3>
          <dl className="staff-item__facts">
            <div>
              <dt>{t('fields.status')}</dt>
              <dd>
                <StatusBadge status={item.status} />
              </dd>
            </div>
            <div>
              <dt>{t('fields.received')}</dt>
              <dd>
                <time dateTime={item.submittedAt}>{formatTime(item.submittedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('fields.language')}</dt>
              <dd>{languageName(item.lang)}</dd>
            </div>
            <div>
              <dt>{t('fields.assignee')}</dt>
              <dd>{item.assignee ? <bdi>{item.assignee}</bdi> : t('inbox.noAssignee')}</dd>
            </div>
            {showMunicipality ? (
              <div>
                <dt>{t('fields.municipality')}</dt>
                <dd>{catalog.municipalityNames[item.municipality] ?? item.municipality}</dd>
              </div>
            ) : null}
          </dl>
          {item.notification === 'failed' ? (
            <p className="staff-warning">
              <span aria-hidden="true">⚠ </span>
              {t('inbox.notificationFailed')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
