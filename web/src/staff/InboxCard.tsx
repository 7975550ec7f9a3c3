import { formTitle, type StaffCatalog } from './catalog.js';
import { formatTime, languageName } from './format.js';
import type { InboxItem } from './staff-api.js';
import { submissionPath } from './staff-routes.js';
import { StatusBadge } from './staff-ui.js';
import { t } from './texts.js';

const DAY_MS = 86_400_000;

/** How long ago a submission came, in whole days: "tänään", "3 pv sitten". */
export function ageText(submittedAt: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(submittedAt).getTime()) / DAY_MS);
  return Number.isNaN(days) || days < 1 ? t('inbox.today') : t('inbox.daysAgo', { count: days });
}

interface Props {
  item: InboxItem;
  catalog: StaffCatalog;
  /** The signed-in member's email, so their own work reads "sinä". */
  me: string;
  showMunicipality: boolean;
  now: Date;
  /** Whether the card is selected for a bulk change, and how to change that; no check box without it. */
  selection?: { selected: boolean; onToggle: (reference: string) => void };
}

/**
 * One submission in the inbox: what it is, how old, whose, and the answers the staff mail may show (the form's
 * email-safe fields, e.g. the guidance topics), with a warning when the staff notification did not get through.
 */
export function InboxCard({ item, catalog, me, showMunicipality, now, selection }: Props) {
  const form = formTitle(catalog, item.form);
  return (
    <li className={selection?.selected ? 'staff-item staff-item--selected' : 'staff-item'}>
      {selection ? (
        <label className="staff-item__select">
          <input type="checkbox" checked={selection.selected} onChange={() => selection.onToggle(item.reference)} />
          <span>
            {t('bulk.select')}
            <span className="visually-hidden">{` ${item.reference}, ${form}`}</span>
          </span>
        </label>
      ) : null}
      <h3 className="staff-item__title">
        <a className="staff-item__link" href={submissionPath(item.reference)}>
          <span className="staff-ref">{item.reference}</span>
          <span className="visually-hidden">, </span>
          <span className="staff-item__form">{form}</span>
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
            <span className="staff-item__age"> ({ageText(item.submittedAt, now)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('fields.language')}</dt>
          <dd>{languageName(item.lang)}</dd>
        </div>
        <div>
          <dt>{t('fields.assignee')}</dt>
          <dd className="staff-item__assignee">
            {item.assignee ? item.assignee === me ? t('inbox.you') : <bdi>{item.assignee}</bdi> : t('inbox.noAssignee')}
          </dd>
        </div>
        {showMunicipality ? (
          <div>
            <dt>{t('fields.municipality')}</dt>
            <dd>{catalog.municipalityNames[item.municipality] ?? item.municipality}</dd>
          </div>
        ) : null}
      </dl>
      {item.safeAnswers.length ? (
        <dl className="staff-item__answers">
          {item.safeAnswers.map((a) => (
            <div key={a.field}>
              <dt>{a.label}</dt>
              <dd>{a.display}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {item.identical ? <p>{t('inbox.identical', { count: item.identical })}</p> : null}
      {item.notification === 'failed' ? (
        <p className="staff-warning">
          <span aria-hidden="true">⚠ </span>
          {t('inbox.notificationFailed')}
        </p>
      ) : null}
    </li>
  );
}
