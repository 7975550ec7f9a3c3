import type { FormEvent } from 'react';
import type { StaffCatalog } from './catalog.js';
import { formTitle } from './catalog.js';
import { statusLabel } from './format.js';
import { activeFilterCount, AGE_CHOICES, filtersFromSearch, filtersToSearch, NO_FILTERS, type InboxFilters } from './inbox-filters.js';
import { STATUSES, type Member } from './staff-api.js';
import { t } from './texts.js';
import { others, useColleagues } from './use-colleagues.js';

interface Props {
  filters: InboxFilters;
  me: Member;
  catalog: StaffCatalog;
  onApply: (filters: InboxFilters) => void;
}

/** The inbox filters; applied with a button, so changing one choice never reloads the list under the user. */
export function InboxFiltersForm({ filters, me, catalog, onApply }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const q = new URLSearchParams();
    for (const [name, value] of data) if (typeof value === 'string' && value) q.set(name, value);
    onApply(filtersFromSearch(q.toString()));
  }
  const active = activeFilterCount(filters);
  const colleagues = others(useColleagues(me.email), me.email);
  const chosen = filters.assignee;
  // A colleague chosen in the address is a choice while the list loads (or if they left): keyed by email, its
  // option stays the same element, and selected, when the list arrives.
  const unlisted = chosen && chosen !== 'me' && chosen !== 'none' && !colleagues.some((c) => c.email === chosen);
  const choices = unlisted ? [...colleagues, { email: chosen, name: chosen }] : colleagues;

  return (
    // A new key for new filters resets the choices when the address changes (Back, "remove filters").
    <form key={filtersToSearch(filters)} className="staff-filters" onSubmit={submit}>
      <fieldset>
        <legend>{active ? t('filters.legendActive', { active }) : t('filters.legend')}</legend>
        <div className="staff-filters__grid">
          <div className="staff-field">
            <label htmlFor="filter-status">{t('fields.status')}</label>
            <select id="filter-status" name="status" defaultValue={filters.status}>
              <option value="">{t('filters.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="staff-field">
            <label htmlFor="filter-form">{t('fields.form')}</label>
            <select id="filter-form" name="form" defaultValue={filters.form}>
              <option value="">{t('filters.allForms')}</option>
              {catalog.formIds.map((id) => (
                <option key={id} value={id}>
                  {formTitle(catalog, id)}
                </option>
              ))}
            </select>
          </div>
          {me.municipalities.length > 1 ? (
            <div className="staff-field">
              <label htmlFor="filter-municipality">{t('fields.municipality')}</label>
              <select id="filter-municipality" name="municipality" defaultValue={filters.municipality}>
                <option value="">{t('filters.allMunicipalities')}</option>
                {me.municipalities.map((m) => (
                  <option key={m} value={m}>
                    {catalog.municipalityNames[m] ?? m}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="staff-field">
            <label htmlFor="filter-assignee">{t('fields.assignee')}</label>
            <select id="filter-assignee" name="assignee" defaultValue={chosen}>
              <option value="">{t('filters.anyone')}</option>
              <option value="none">{t('filters.unassigned')}</option>
              <option value="me">{t('filters.me')}</option>
              {choices.length ? (
                <optgroup label={t('filters.colleagues')}>
                  {choices.map((c) => (
                    <option key={c.email} value={c.email}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <div className="staff-field">
            <label htmlFor="filter-notification">{t('filters.notification')}</label>
            <select id="filter-notification" name="notification" defaultValue={filters.notificationFailed ? 'failed' : ''}>
              <option value="">{t('filters.anyNotification')}</option>
              <option value="failed">{t('filters.notificationFailed')}</option>
            </select>
          </div>
          <div className="staff-field">
            <label htmlFor="filter-age">{t('filters.received')}</label>
            <select id="filter-age" name="minAgeDays" defaultValue={filters.minAgeDays ? String(filters.minAgeDays) : ''}>
              <option value="">{t('filters.anyTime')}</option>
              {AGE_CHOICES.map((days) => (
                <option key={days} value={String(days)}>
                  {t('filters.minAge', { count: days })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="staff-actions">
          <button type="submit" className="button">
            {t('filters.apply')}
          </button>
          {active ? (
            <button type="button" className="button button--secondary" onClick={() => onApply(NO_FILTERS)}>
              {t('filters.clear')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
