import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { diffDefinitions } from '../../schemas/src/definition-diff.js';
import { addQuestion, removeQuestion, setText } from '../../schemas/src/questions.js';
import { summaryText } from '../../web/src/admin/DiffView.js';

const guidance = readCatalog('schemas').forms.find((f) => f.id === 'guidance')!;

describe('the difference in one Finnish line (summaryText)', () => {
  it('counts what changed, names the languages of the texts, and is empty when nothing did', () => {
    let next = addQuestion(guidance, 'you', 'shortText', 'nickname');
    next = removeQuestion(next, 'contactTime');
    next = setText(next, 'fi', ['title'], 'Neuvonta');
    next = setText(next, 'en', ['title'], 'Guidance');
    expect(summaryText(diffDefinitions(guidance, next))).toBe(
      '1 kysymys lisätty, 1 kysymys poistettu, 2 tekstiä muutettu (suomi, englanti)',
    );
    expect(summaryText(diffDefinitions(guidance, guidance))).toBe('');
  });
});
