import { useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { t } from '../staff/texts.js';

/** A problem to fix: the id of the field it is about ('' for none) and what to do, in Finnish. */
export interface FieldProblem {
  field: string;
  message: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The problems of a form above it: it takes focus on each failed save (`focusKey` changes), and each item links to
 * its field. `extra` carries a sentence of the server's own.
 */
export function ErrorSummary({ problems, focusKey, children }: { problems: FieldProblem[]; focusKey: number; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0 || Boolean(children);
  useEffect(() => {
    if (shown) ref.current?.focus();
    // Focus moves only on a new failure, not on every change of the list.
  }, [focusKey]);
  if (!shown) return null;
  const id = `error-summary-${focusKey}`;
  return (
    <div className="error-summary" role="alert" aria-labelledby={id} tabIndex={-1} ref={ref}>
      <h2 id={id}>{t('adminStaff.errorHeading', { count: Math.max(1, problems.length) })}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            {p.field ? (
              <a href={`#${p.field}`} onClick={(e) => focusField(e, p.field)}>
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
        {children ? <li>{children}</li> : null}
      </ul>
    </div>
  );
}

/**
 * A labelled control with its hint and error: `control` gets the attributes that tie it to them (`aria-describedby`,
 * `aria-invalid`), so an input and a text area are framed alike.
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  control,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  control: (described: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`staff-field${error ? ' staff-field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="staff-field__error">
          <span className="visually-hidden">{t('app.error')} </span>
          {error}
        </p>
      ) : null}
      {control({ 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
    </div>
  );
}

/** A labelled text input with its hint and error, described by both. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame id={id} label={label} hint={hint} error={error} control={(tie) => <input id={id} {...tie} {...input} />} />;
}

/** The error of one field among the problems, if any. */
export const errorOf = (problems: FieldProblem[], field: string) => problems.find((p) => p.field === field)?.message;
