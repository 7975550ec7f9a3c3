import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { diffDefinitions, summarizeDiff, type DefinitionDiff } from '../../schemas/src/definition-diff.js';
import {
  addQuestion,
  addStep,
  moveQuestion,
  moveStep,
  removeQuestion,
  setCondition,
  setEmailSafe,
  setLimits,
  setOptions,
  setRequired,
  setText,
  textAt,
} from '../../schemas/src/questions.js';
import type { FormDefinition } from '../../schemas/src/types.js';

const catalog = readCatalog('schemas');
const form = (id: string) => catalog.forms.find((f) => f.id === id)!;
const guidance = form('guidance');
const aspectsOf = (diff: DefinitionDiff, id: string) => diff.questions.changed.find((q) => q.id === id)?.aspects;

describe('the difference between two versions of a form (diffDefinitions)', () => {
  it('is empty between a form and itself, for every form in schemas/forms', () => {
    expect(catalog.forms.length).toBeGreaterThan(3);
    for (const def of catalog.forms) {
      const copy = JSON.parse(JSON.stringify(def)) as FormDefinition;
      expect(summarizeDiff(diffDefinitions(def, copy)), def.id).toMatchObject({ empty: true, textsChanged: 0 });
    }
  });

  it('names a question added, with its step and label, and leaves its texts to the question', () => {
    let next = addQuestion(guidance, 'you', 'shortText', 'nickname');
    next = setText(next, 'fi', ['fields', 'nickname', 'label'], 'Kutsumanimi');
    next = setText(next, 'en', ['fields', 'nickname', 'label'], 'Nickname');
    const diff = diffDefinitions(guidance, next);
    expect(diff.questions.added).toEqual([{ id: 'nickname', label: 'Kutsumanimi', step: 'you' }]);
    expect(diff.questions.removed).toEqual([]);
    expect(diff.questions.changed).toEqual([]);
    expect(diff.texts).toEqual([]);
    expect(summarizeDiff(diff)).toMatchObject({ questionsAdded: 1, empty: false, textsChanged: 0 });
  });

  it('names a question removed, by the label it had', () => {
    const diff = diffDefinitions(guidance, removeQuestion(guidance, 'contactTime'));
    expect(diff.questions.removed).toEqual([
      { id: 'contactTime', label: textAt(guidance, 'fi', ['fields', 'contactTime', 'label']), step: 'contact' },
    ]);
    expect(diff.questions.changed).toEqual([]);
    expect(diff.texts).toEqual([]);
    // Reversed, the same question is added back.
    expect(diffDefinitions(removeQuestion(guidance, 'contactTime'), guidance).questions.added.map((q) => q.id)).toEqual(['contactTime']);
  });

  it('names each aspect of a changed question: required, limits, choices, staff-mail mark, condition, step', () => {
    let next = setRequired(guidance, 'message', true);
    next = setLimits(next, 'message', { maxLength: 500 });
    next = setOptions(next, 'contactTime', ['morning', 'evening', 'any']);
    next = setEmailSafe(next, 'contactTime', false);
    next = setCondition(next, 'birthYear', { field: 'topics', value: 'other' }, false);
    next = moveQuestion(next, 'fullName', -1);
    const diff = diffDefinitions(guidance, next);
    expect(aspectsOf(diff, 'message')).toEqual([
      { kind: 'required', before: false, after: true },
      { kind: 'limits', before: { maxLength: 2000 }, after: { maxLength: 500 } },
    ]);
    expect(aspectsOf(diff, 'contactTime')).toEqual([
      { kind: 'choices', added: ['evening'], removed: ['afternoon'], reordered: false },
      { kind: 'emailSafe', before: true, after: false },
    ]);
    expect(aspectsOf(diff, 'birthYear')).toEqual([{ kind: 'condition', after: { field: 'topics', value: 'other' } }]);
    expect(aspectsOf(diff, 'fullName')).toEqual([{ kind: 'step', before: 'you', after: 'topic' }]);
    expect(diff.questions.changed.map((q) => q.id)).toEqual(['fullName', 'birthYear', 'contactTime', 'message'].sort(byOrder(next)));
    // The choice's text went with it, in every language that had one.
    expect(diff.texts.every((t) => t.removed.some((c) => c.path.join('.') === 'fields.contactTime.options.afternoon'))).toBe(true);
  });

  it('says "other" for a change the editor does not name, such as a pattern', () => {
    const next = JSON.parse(JSON.stringify(guidance)) as FormDefinition;
    next.schema.properties!['phone']!.pattern = '^[0-9 +]{5,30}$';
    expect(aspectsOf(diffDefinitions(guidance, next), 'phone')).toEqual([{ kind: 'other' }]);
  });

  it('names the texts changed, added and removed per language, with their values', () => {
    let next = setText(guidance, 'fi', ['title'], 'Neuvonta');
    next = setText(next, 'en', ['fields', 'message', 'hint'], '');
    next = setText(next, 'sv', ['fields', 'message', 'errors', 'required'], 'Skriv något.');
    const diff = diffDefinitions(guidance, next);
    expect(diff.texts.map((t) => t.lang)).toEqual(['fi', 'sv', 'en']);
    const [fi, sv, en] = diff.texts;
    expect(fi).toEqual({
      lang: 'fi',
      added: [],
      removed: [],
      changed: [{ path: ['title'], before: textAt(guidance, 'fi', ['title']), after: 'Neuvonta' }],
    });
    expect(sv!.added).toEqual([{ path: ['fields', 'message', 'errors', 'required'], after: 'Skriv något.' }]);
    expect(en!.removed).toEqual([{ path: ['fields', 'message', 'hint'], before: textAt(guidance, 'en', ['fields', 'message', 'hint']) }]);
    expect(summarizeDiff(diff)).toMatchObject({ textsChanged: 3, languages: ['fi', 'sv', 'en'], questionsChanged: 0 });
  });

  it('names steps added, removed, renamed and reordered', () => {
    let next = addStep(guidance, 'extra', 'you');
    next = setText(next, 'fi', ['steps', 'contact'], 'Yhteystiedot ja tulkki');
    next = moveStep(next, 'topic', 1);
    const diff = diffDefinitions(guidance, next);
    expect(diff.steps).toEqual({
      added: ['extra'],
      removed: [],
      renamed: [{ id: 'contact', before: textAt(guidance, 'fi', ['steps', 'contact']), after: 'Yhteystiedot ja tulkki' }],
      reordered: true,
    });
    expect(diffDefinitions(next, guidance).steps.removed).toEqual(['extra']);
  });

  it('names languages offered or taken away, review flags and other settings', () => {
    const next = JSON.parse(JSON.stringify(guidance)) as FormDefinition;
    delete next.meta.languages.tl;
    delete next.texts.tl;
    next.meta.languages.sv = { reviewed: true };
    next.meta.retentionDays = 180;
    const diff = diffDefinitions(guidance, next);
    expect(diff.meta).toEqual({
      languagesAdded: [],
      languagesRemoved: ['tl'],
      reviewChanged: [{ lang: 'sv', reviewed: true }],
      settingsChanged: ['retentionDays'],
    });
    expect(diffDefinitions(next, guidance).meta.languagesAdded).toEqual(['tl']);
    expect(summarizeDiff(diff).metaChanged).toBe(3);
  });

  it('compares two different real forms without failing', () => {
    const diff = diffDefinitions(guidance, form('hobby'));
    expect(diff.questions.added.map((q) => q.id)).toContain('hobbyFor');
    expect(diff.questions.removed.map((q) => q.id)).toContain('topics');
    expect(diff.steps.added).toContain('who');
  });
});

/** Sorts question ids in the order the form asks them. */
function byOrder(def: FormDefinition) {
  const order = (def.uiSchema['ui:steps'] as { fields: string[] }[]).flatMap((s) => s.fields);
  return (x: string, y: string) => order.indexOf(x) - order.indexOf(y);
}
