import type { FormProblem } from '../../../schemas/src/problems.js';
import { t } from '../staff/texts.js';

/** Problems as a list, errors first, each with its severity in words (not only by colour). */
export function ProblemList({ problems, id }: { problems: readonly FormProblem[]; id?: string }) {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="wb-problems" id={id}>
      {sorted.map((p, i) => (
        <li key={`${p.path}-${p.code}-${i}`} className={`wb-problem wb-problem--${p.severity}`}>
          <strong>{p.severity === 'error' ? t('workbench.error') : t('workbench.warning')}:</strong> {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The summary at the top of the workbench: how many errors block the publish, and every problem. */
export function ProblemSummary({ problems }: { problems: readonly FormProblem[] }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className={`wb-summary${errors ? ' wb-summary--errors' : ''}`} aria-labelledby="wb-problems-heading">
      <h2 id="wb-problems-heading">{t('workbench.problemsHeading')}</h2>
      {problems.length === 0 ? (
        <p>{t('workbench.noProblems')}</p>
      ) : (
        <>
          <p>
            {errors ? t('workbench.problemsCount', { count: errors }) : t('workbench.noProblems')}
            {warnings ? ` · ${t('workbench.warningsCount', { count: warnings })}` : ''}
          </p>
          <details open={errors > 0}>
            <summary>{t('workbench.problemsHeading')}</summary>
            <ProblemList problems={problems} />
          </details>
        </>
      )}
    </section>
  );
}
