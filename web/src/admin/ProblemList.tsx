import type { FormProblem } from '../../../schemas/src/problems.js';
import { languageName } from '../staff/format.js';
import { t } from '../staff/texts.js';

/**
 * Missing texts as one line in Finnish per list ("Tekstejä puuttuu: ruotsi (4), arabia (4)"): a new question lacks
 * four texts in each of nine languages, and 36 lines would hide everything else. The other problems as they are.
 */
export function groupedProblems(problems: readonly FormProblem[]): { key: string; severity: FormProblem['severity']; text: string }[] {
  const missing = new Map<string, number>();
  const rest: FormProblem[] = [];
  for (const p of problems) {
    const lang = p.code === 'missing_text' ? /^\/texts\/([a-z]{2})\//.exec(p.path)?.[1] : undefined;
    if (lang) missing.set(lang, (missing.get(lang) ?? 0) + 1);
    else rest.push(p);
  }
  const lines = [...rest]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((p, i) => ({ key: `${p.path}-${p.code}-${i}`, severity: p.severity, text: p.message }));
  if (missing.size)
    lines.unshift({
      key: 'missing_text',
      severity: 'error',
      text: t('workbench.missingTexts', { languages: [...missing].map(([lang, n]) => `${languageName(lang)} (${n})`).join(', ') }),
    });
  return lines;
}

/** Problems as a list, errors first, each with its severity in words (not only by colour). */
export function ProblemList({ problems, id }: { problems: readonly FormProblem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="wb-problems" id={id}>
      {groupedProblems(problems).map((p) => (
        <li key={p.key} className={`wb-problem wb-problem--${p.severity}`}>
          <strong>{p.severity === 'error' ? t('workbench.error') : t('workbench.warning')}:</strong> {p.text}
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
