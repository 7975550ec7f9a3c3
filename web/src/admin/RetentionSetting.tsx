import { useState } from 'react';
import type { FormDefinition } from '../../../schemas/src/index.js';
import { t } from '../staff/texts.js';

/** The bounds the definition's schema sets (`schemas/definition.schema.json`); the server's lint says the same. */
const MIN_DAYS = 30;
const MAX_DAYS = 3650;

/**
 * How long the form's submissions are kept (`meta.retentionDays`): a whole number of days from 30 to 3650. A number
 * outside them is not put into the draft; the field says why.
 */
export function RetentionSetting({
  def,
  edit,
}: {
  def: FormDefinition;
  edit: (change: (definition: FormDefinition) => FormDefinition) => string | undefined;
}) {
  const [text, setText] = useState(String(def.meta.retentionDays));
  const days = Number(text);
  const valid = /^\d+$/.test(text.trim()) && days >= MIN_DAYS && days <= MAX_DAYS;
  return (
    <section className="wb-settings" aria-labelledby="wb-retention-heading">
      <h2 id="wb-retention-heading">{t('workbench.retention.heading')}</h2>
      <div className="wb-field">
        <label htmlFor="wb-retention">{t('workbench.retention.label')}</label>
        <p id="wb-retention-hint" className="staff-table__sub">
          {t('workbench.retention.hint', { min: MIN_DAYS, max: MAX_DAYS })}
        </p>
        {valid ? null : (
          <p id="wb-retention-error" className="field-error">
            {t('workbench.retention.invalid', { min: MIN_DAYS, max: MAX_DAYS })}
          </p>
        )}
        <input
          id="wb-retention"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-describedby={valid ? 'wb-retention-hint' : 'wb-retention-hint wb-retention-error'}
          aria-invalid={valid ? undefined : true}
          value={text}
          onInput={(e) => {
            const typed = e.currentTarget.value;
            setText(typed);
            const n = Number(typed);
            if (/^\d+$/.test(typed.trim()) && n >= MIN_DAYS && n <= MAX_DAYS)
              edit((d) => ({ ...d, meta: { ...d.meta, retentionDays: n } }));
          }}
        />
      </div>
    </section>
  );
}
