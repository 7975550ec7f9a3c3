import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { hiddenFields, lintForm, type FormDefinition, type Lang } from '../../schemas/src/index.js';
import {
  addQuestion,
  addStep,
  conditionOf,
  idFromLabel,
  moveQuestion,
  moveStep,
  QUESTION_TYPES,
  questionOf,
  questionsByStep,
  questionType,
  removeQuestion,
  removeStep,
  setCondition,
  setEmailSafe,
  setLimits,
  setOptions,
  setRequired,
  setText,
  stepsOfDefinition,
  takenIds,
  textAt,
} from '../../schemas/src/questions.js';
import { questionOfProblem } from '../../web/src/admin/problem-paths.js';

const catalog = readCatalog('schemas');
const form = (id: string) => catalog.forms.find((f) => f.id === id)!;
const errors = (def: FormDefinition) => lintForm(def).filter((p) => p.severity === 'error');
const offered = (def: FormDefinition) => Object.keys(def.meta.languages) as Lang[];

/** Writes every text a question needs in every offered language, as the translations would. */
function translate(def: FormDefinition, id: string): FormDefinition {
  let next = def;
  for (const lang of offered(def)) {
    next = setText(next, lang, ['fields', id, 'label'], `${id} (${lang})`);
    next = setText(next, lang, ['fields', id, 'hint'], `Hint (${lang})`);
    for (const option of questionOf(next, id).options ?? [])
      next = setText(next, lang, ['fields', id, 'options', option], `${option} (${lang})`);
  }
  return next;
}

describe('the question model', () => {
  it('names the kind of every question of the published forms, and the editor can edit all but repeating groups', () => {
    const kinds = new Map<string, string>();
    for (const f of catalog.forms)
      for (const [id, schema] of Object.entries(f.schema.properties ?? {}))
        kinds.set(`${f.id}.${id}`, questionType(schema, f.uiSchema[id] as never));
    expect(kinds.get('registration.fullName')).toBe('shortText');
    expect(kinds.get('registration.message')).toBe('longText');
    expect(kinds.get('registration.email')).toBe('email');
    expect(kinds.get('registration.phone')).toBe('phone');
    expect(kinds.get('registration.birthDate')).toBe('date');
    expect(kinds.get('registration.arrivalYear')).toBe('year');
    expect(kinds.get('registration.childrenUnder18')).toBe('number');
    expect(kinds.get('registration.interpreterNeeded')).toBe('yesNo');
    expect(kinds.get('registration.contactWay')).toBe('oneChoice');
    expect(kinds.get('registration.goals')).toBe('severalChoices');
    expect(kinds.get('registration.consent')).toBe('consent');
    const other = [...kinds].filter(([, kind]) => kind === 'other').map(([id]) => id);
    expect(other, 'only repeating groups need the JSON view').toEqual(['hobby.children']);
  });

  it('lists the steps and questions in order, with required, conditions and staff-mail marks as the forms have them', () => {
    const steps = questionsByStep(form('registration'));
    expect(steps.map((s) => s.id)).toEqual(stepsOfDefinition(form('registration')).map((s) => s.id));
    const all = steps.flatMap((s) => s.questions);
    expect(all.find((q) => q.id === 'fullName')).toMatchObject({ required: true, emailSafe: false });
    expect(all.find((q) => q.id === 'interpreterLanguage')).toMatchObject({
      required: true,
      condition: { field: 'interpreterNeeded', value: true },
    });
    expect(all.find((q) => q.id === 'contactWay')).toMatchObject({ emailSafe: true, options: ['phone', 'sms', 'email'] });
  });

  // Every kind but consent: a form keeps the one consent it has.
  for (const type of QUESTION_TYPES.filter((q) => q !== 'consent')) {
    it(`adds a ${type} question that, once its texts are written in every offered language, passes the lint`, () => {
      const hobby = form('hobby');
      const step = stepsOfDefinition(hobby)[0]!.id;
      const added = addQuestion(hobby, step, type, 'newQuestion');
      expect(questionOf(added, 'newQuestion').type).toBe(type);
      // Without texts the lint names each missing label, in every offered language, at the question's texts.
      const missing = errors(added);
      expect(missing.length).toBeGreaterThan(0);
      expect(new Set(missing.map((p) => questionOfProblem(p.path)))).toEqual(new Set(['newQuestion']));
      expect(errors(translate(added, 'newQuestion'))).toEqual([]);
    });
  }

  it('makes ids from labels that the lint accepts, unique in the form', () => {
    const hobby = form('hobby');
    expect(idFromLabel('Mikä harrastus kiinnostaa?', [])).toBe('mikaHarrastusKiinnostaa');
    expect(idFromLabel('Mikä harrastus kiinnostaa?', ['mikaHarrastusKiinnostaa'])).toBe('mikaHarrastusKiinnostaa2');
    expect(idFromLabel('ما هي هوايتك؟', [])).toBe('question');
    expect(idFromLabel('2 lasta', [])).toBe('q2Lasta');
    const id = idFromLabel('Lempiväri', takenIds(hobby));
    const added = translate(addQuestion(hobby, stepsOfDefinition(hobby)[0]!.id, 'shortText', id), id);
    expect(errors(added)).toEqual([]);
  });

  it('shows a question only if an earlier answer is, or includes, a value, required or not', () => {
    let def = addQuestion(form('guidance'), stepsOfDefinition(form('guidance'))[0]!.id, 'shortText', 'which');
    def = setCondition(translate(def, 'which'), 'which', { field: 'topics', value: 'kela' }, true);
    expect(conditionOf(def, 'which')).toEqual({ field: 'topics', value: 'kela' });
    expect(hiddenFields(def.schema, { topics: ['housing'] }).has('which')).toBe(true);
    expect(hiddenFields(def.schema, { topics: ['kela'] }).has('which')).toBe(false);
    expect(questionOf(def, 'which').required).toBe(true);
    expect(errors(def)).toEqual([]);

    def = setRequired(def, 'which', false);
    expect(questionOf(def, 'which')).toMatchObject({ required: false, condition: { field: 'topics', value: 'kela' } });
    expect(errors(def)).toEqual([]);
    def = setCondition(def, 'which', undefined);
    expect(questionOf(def, 'which').condition).toBeUndefined();
    expect(hiddenFields(def.schema, {}).has('which')).toBe(false);
    expect(errors(def)).toEqual([]);
  });

  it('refuses to remove a question others depend on, or the consent; removes one with its texts everywhere', () => {
    const registration = form('registration');
    expect(() => removeQuestion(registration, 'interpreterNeeded')).toThrow(/interpreterLanguage/);
    expect(() => removeQuestion(registration, 'consent')).toThrow(/consent/);
    expect(() => removeQuestion(registration, 'interpreterLanguage')).toThrow(/interpreterLanguageOther/);
    const removed = removeQuestion(removeQuestion(registration, 'interpreterLanguageOther'), 'interpreterLanguage');
    expect(Object.keys(removed.schema.properties!)).not.toContain('interpreterLanguage');
    expect(JSON.stringify(removed)).not.toContain('"interpreterLanguage"');
    expect(errors(removed)).toEqual([]);
    // Its staff label goes with it, or the lint would refuse the form.
    const noTime = removeQuestion(registration, 'contactTime');
    expect(registration.meta.staffLabels).toHaveProperty('contactTime');
    expect(noTime.meta.staffLabels).not.toHaveProperty('contactTime');
    expect(errors(noTime)).toEqual([]);
  });

  it('moves a question within its step, across steps at the edges, never above the question it depends on', () => {
    const def = form('registration');
    const [first, second] = stepsOfDefinition(def);
    const down = moveQuestion(def, first!.fields[0]!, 1);
    expect(stepsOfDefinition(down)[0]!.fields.slice(0, 2)).toEqual([first!.fields[1], first!.fields[0]]);
    const last = first!.fields[first!.fields.length - 1]!;
    const across = moveQuestion(def, last, 1);
    expect(stepsOfDefinition(across)[1]!.fields[0]).toBe(last);
    expect(stepsOfDefinition(across)[0]!.fields).not.toContain(last);
    const back = moveQuestion(def, second!.fields[0]!, -1);
    expect(stepsOfDefinition(back)[0]!.fields.at(-1)).toBe(second!.fields[0]);
    // interpreterLanguage comes after interpreterNeeded, its condition's question: moving it above is refused.
    let moved = def;
    for (let i = 0; i < 5; i++) moved = moveQuestion(moved, 'interpreterLanguage', -1);
    const order = stepsOfDefinition(moved).flatMap((s) => s.fields);
    expect(order.indexOf('interpreterNeeded')).toBeLessThan(order.indexOf('interpreterLanguage'));
    expect(errors(moved)).toEqual([]);
  });

  it('sets choices, limits, the staff-mail mark and texts; an emptied text is taken away', () => {
    let def = addQuestion(form('hobby'), stepsOfDefinition(form('hobby'))[0]!.id, 'severalChoices', 'days');
    def = setOptions(def, 'days', ['monday', 'tuesday', 'wednesday']);
    expect(questionOf(def, 'days')).toMatchObject({ options: ['monday', 'tuesday', 'wednesday'], limits: { maxItems: 3 } });
    def = setLimits(def, 'days', { maxItems: 2 });
    expect(questionOf(def, 'days').limits.maxItems).toBe(2);
    def = setEmailSafe(translate(def, 'days'), 'days', true);
    expect(questionOf(def, 'days').emailSafe).toBe(true);
    expect(errors(def)).toEqual([]);
    def = setOptions(def, 'days', ['monday', 'tuesday']);
    expect(textAt(def, 'en', ['fields', 'days', 'options', 'wednesday'])).toBe('');
    def = setText(def, 'ar', ['fields', 'days', 'label'], '');
    expect(def.texts.ar!.fields['days']).not.toHaveProperty('label');
    expect(errors(def).map((p) => p.path)).toContain('/texts/ar/fields/days/label');
  });

  it('adds, moves and removes steps; a step with questions stays', () => {
    let def = addStep(form('hobby'), 'extra', stepsOfDefinition(form('hobby'))[0]!.id);
    expect(stepsOfDefinition(def)[1]!.id).toBe('extra');
    def = moveStep(def, 'extra', -1);
    expect(stepsOfDefinition(def)[0]!.id).toBe('extra');
    expect(() => removeStep(form('hobby'), stepsOfDefinition(form('hobby'))[0]!.id)).toThrow(/questions/);
    expect(stepsOfDefinition(removeStep(def, 'extra')).map((s) => s.id)).toEqual(stepsOfDefinition(form('hobby')).map((s) => s.id));
  });

  it('points a problem at its question through the schema, the uiSchema or the texts', () => {
    expect(questionOfProblem('/schema/properties/topics/maxItems')).toBe('topics');
    expect(questionOfProblem('/uiSchema/topics/ui:widget')).toBe('topics');
    expect(questionOfProblem('/texts/ar/fields/topics/options/kela')).toBe('topics');
    expect(questionOfProblem('/texts/ar/title')).toBeUndefined();
    expect(questionOfProblem('/uiSchema/ui:steps/0')).toBeUndefined();
  });
});
