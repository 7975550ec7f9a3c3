import type { ShownAnswer } from '../../schemas/src/show-answer.js';

/**
 * An answer as the kit shows it (`showAnswer`), for the resident's review and the staff detail alike: one value as
 * text, several as a list, a repeating group as each numbered item with its own questions and answers.
 */
export function ShownAnswerView({ answer, empty }: { answer: ShownAnswer; empty: string }) {
  if (answer.kind === 'items') {
    return (
      <ul className="answer-items">
        {answer.items.map((item) => (
          <li key={item.title}>
            <p className="answer-items__title">{item.title}</p>
            <dl className="answer-items__answers">
              {item.lines.map((line) => (
                <div key={line.field}>
                  <dt>{line.label}</dt>
                  <dd>
                    <ShownAnswerView answer={line.answer} empty={empty} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  if (answer.values.length === 0) return <span className="muted">{empty}</span>;
  if (answer.values.length === 1) return <>{answer.values[0]}</>;
  return (
    <ul>
      {answer.values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}
