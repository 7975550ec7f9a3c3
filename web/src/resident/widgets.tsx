import { ariaDescribedByIds, type RegistryWidgetsType, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState, type ChangeEvent, type FocusEvent } from 'react';
import { asciiDigits, parseWholeNumber } from '../../../schemas/src/digits.js';
import type { FormContext } from './templates.js';

type Props = WidgetProps<unknown>;

const failed = (props: Props) => ((props.rawErrors?.length ?? 0) > 0 ? true : undefined);
const autocomplete = (props: Props) => (props.uiSchema?.['ui:autocomplete'] as string | undefined) ?? 'off';

/** Keeps what the resident typed while the answer is the same; a new answer from outside (a draft) replaces it. */
function useTyped<T>(value: unknown, parse: (typed: T) => unknown, show: (value: unknown) => T): [T, (typed: T) => void] {
  const [typed, setTyped] = useState<T>(() => show(value));
  useEffect(() => {
    if (JSON.stringify(parse(typed)) !== JSON.stringify(value)) setTyped(show(value));
  }, [JSON.stringify(value)]);
  return [typed, setTyped];
}

/** A whole number typed as text: the answer is a number when the digits (any script) make one, else the text, which fails as "digits only". */
const parseNumberText = (typed: string): unknown => (typed.trim() === '' ? undefined : (parseWholeNumber(typed) ?? typed));

/**
 * Years and counts: a text input with the phone's number pad (`inputmode=numeric`), not `type=number`, which
 * silently drops digits from Arabic and Persian keyboards and changes the answer on a scroll.
 */
function NumberTextWidget(props: Props) {
  const { id, onChange, onBlur, onFocus } = props;
  const [typed, setTyped] = useTyped<string>(props.value, parseNumberText, (v) => (v === undefined || v === null ? '' : String(v)));
  return (
    <input
      id={id}
      name={id}
      type="text"
      inputMode="numeric"
      className="form-control form-control--short"
      value={typed}
      required={props.required}
      disabled={props.disabled || props.readonly}
      autoComplete={autocomplete(props)}
      aria-invalid={failed(props)}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        setTyped(e.currentTarget.value);
        onChange(parseNumberText(e.currentTarget.value));
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => onBlur(id, e.currentTarget.value)}
      onFocus={(e: FocusEvent<HTMLInputElement>) => onFocus(id, e.currentTarget.value)}
    />
  );
}

/** The text widget: numbers get the number pad, everything else rjsf's own input. */
function TextWidget(props: Props) {
  const type = props.schema.type;
  if (type === 'integer' || type === 'number') return <NumberTextWidget {...props} />;
  const { BaseInputTemplate } = props.registry.templates;
  return <BaseInputTemplate {...props} />;
}

interface DateParts {
  day: string;
  month: string;
  year: string;
}

const EMPTY: DateParts = { day: '', month: '', year: '' };
const PART_LABELS: Record<keyof DateParts, string> = { day: 'form.day', month: 'form.month', year: 'form.year' };

function partsOf(value: unknown): DateParts {
  const m = typeof value === 'string' ? /^(\d*)-(\d*)-(\d*)$/.exec(value) : null;
  if (!m) return EMPTY;
  const trim = (s: string) => (s === '' ? '' : String(Number(s)));
  return { year: m[1]!, month: trim(m[2]!), day: trim(m[3]!) };
}

/**
 * Day, month and year as an ISO date (`1985-03-12`). A date with a part missing or not a number stays an invalid
 * date, so the form's own "write the whole date" message shows rather than "answer this question".
 */
export function dateOf(parts: DateParts): string | undefined {
  const day = asciiDigits(parts.day).trim();
  const month = asciiDigits(parts.month).trim();
  const year = asciiDigits(parts.year).trim();
  if (!day && !month && !year) return undefined;
  const two = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * A date as GOV.UK asks it: three short fields, day, month and year, each with its label, in the order the
 * hint gives, instead of a date picker that shows mm/dd/yyyy under a day-month-year hint.
 */
function DatePartsWidget(props: Props) {
  const { id, onChange, registry } = props;
  const { t } = registry.formContext as FormContext;
  const [parts, setParts] = useTyped<DateParts>(props.value, dateOf, partsOf);
  const part = (name: keyof DateParts, size: 'short' | 'year') => (
    <div className={`date-parts__item date-parts__item--${size}`}>
      <label className="date-parts__label" htmlFor={name === 'day' ? id : `${id}-${name}`}>
        {t(PART_LABELS[name])}
      </label>
      <input
        id={name === 'day' ? id : `${id}-${name}`}
        name={`${id}-${name}`}
        type="text"
        inputMode="numeric"
        className="form-control"
        value={parts[name]}
        maxLength={name === 'year' ? 4 : 2}
        autoComplete={autocomplete(props) === 'bday' ? `bday-${name}` : 'off'}
        disabled={props.disabled || props.readonly}
        aria-invalid={failed(props)}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const next = { ...parts, [name]: e.currentTarget.value };
          setParts(next);
          onChange(dateOf(next));
        }}
      />
    </div>
  );
  return (
    <div className="date-parts">
      {part('day', 'short')}
      {part('month', 'short')}
      {part('year', 'year')}
    </div>
  );
}

/** The widgets the resident forms use in place of rjsf's defaults. */
export const widgets: RegistryWidgetsType = {
  TextWidget,
  DateWidget: DatePartsWidget,
  'birth-date': DatePartsWidget,
};
