// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAjv, type LocalizedForm } from '../../schemas/src/index.js';
import { localize } from '../../schemas/src/localize-form.js';
import { FormFlow } from '../../web/src/resident/FormFlow.js';
import { stepsOf, type Answers, type Position } from '../../web/src/resident/steps.js';
import { catalog, guidanceForm } from './web-fixtures.js';
import { byText, englishTexts, mount, type, user, withTexts } from './web-render.js';

const englishForm = (id: string): LocalizedForm =>
  localize(
    catalog.forms.find((f) => f.id === id)!,
    'en',
    { municipality: 'Heinola', walkIn: '' },
  );
const hobbyForm = () => englishForm('hobby');

/** The answers the page keeps while a form is filled: on the device, and in the tab those kept off it. */
function savedAnswers(formId: string): Answers {
  const draft = JSON.parse(localStorage.getItem(`koto:draft:heinola:${formId}`) ?? '{"answers":{}}') as { answers: Answers };
  return { ...draft.answers, ...(JSON.parse(sessionStorage.getItem(`koto:tab-answers:heinola:${formId}`) ?? '{}') as Answers) };
}

const guidanceAnswers: Answers = {
  topics: ['work'],
  fullName: 'Olena Kovalenko',
  preferredLanguage: 'uk',
  contactWay: 'email',
  email: 'olena@example.com',
  interpreterNeeded: false,
  consent: true,
};

async function flow(form: LocalizedForm, answers: Answers, position: Position) {
  const texts = await englishTexts();
  const validate = createAjv().compile(form.schema);
  const page = await mount(
    withTexts(texts, <FormFlow form={form} validate={validate} municipality="heinola" start={{ answers, position }} />),
  );
  // The review is loaded on demand (chunks.ts): wait until its heading is on the page.
  if (position === 'review') await expect.poll(() => heading(page.container)).not.toBeNull();
  return { ...page, t: texts.t };
}

/** The heading that names the step or the review (the error summary's own heading is not one). */
const heading = (root: ParentNode) => root.querySelector<HTMLElement>('h2[tabindex="-1"]')!;
const submitStep = (root: ParentNode, t: (key: string) => string) => user(() => byText(root, 'button', t('form.next')).click());

beforeEach(() => {
  window.history.replaceState(null, '', '/en/heinola/guidance');
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('a form being filled, rendered by Preact: focus follows the resident', () => {
  it("moves to a step's heading from the review, and back to the review's heading (a ref passed as a prop to the lazily loaded review)", async () => {
    const form = guidanceForm('en');
    const { container, t } = await flow(form, guidanceAnswers, 'review');
    expect(heading(container).textContent).toBe(t('form.review'));

    await user(() => container.querySelectorAll<HTMLButtonElement>('.review-step__header button')[1]!.click());
    expect(heading(container).textContent).toBe(stepsOf(form)[1]!.title);
    expect(document.activeElement).toBe(heading(container));

    await submitStep(container, t);
    expect(heading(container).textContent).toBe(t('form.review'));
    expect(document.activeElement).toBe(heading(container));
  });

  it('puts the problems of a failed Next at the top, focused, each linked to its question', async () => {
    const { container, t } = await flow(guidanceForm('en'), {}, 0);
    await submitStep(container, t);
    const summary = container.querySelector<HTMLElement>('.error-summary');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect([...summary!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain('#root_topics');
  });

  it('takes focus into an added item of a repeating group, and back to the add button after a remove', async () => {
    const { container } = await flow(hobbyForm(), { hobbyFor: 'child' }, 0);
    expect(container.querySelectorAll('.repeat-item')).toHaveLength(1);

    await user(() => byText(container, 'button', '+Add a child').click());
    const items = container.querySelectorAll('.repeat-item');
    expect(items).toHaveLength(2);
    expect(items[1]!.querySelector('legend')!.textContent).toBe('Child 2');
    expect(document.activeElement).toBe(items[1]!.querySelector('input'));

    await user(() => byText(container, 'button', 'Remove child 2').click());
    expect(container.querySelectorAll('.repeat-item')).toHaveLength(1);
    expect(document.activeElement).toBe(byText(container, 'button', '+Add a child'));
  });

  it('keeps what a resident types in the numeric fields as a number, whatever digits the keyboard has', async () => {
    const { container } = await flow(hobbyForm(), { hobbyFor: 'child' }, 0);
    const age = container.querySelector<HTMLInputElement>('input#root_children_0_childAge')!;
    expect(age.getAttribute('inputmode')).toBe('numeric');
    await type(age, '١٢');
    expect(age.value).toBe('١٢');
    expect(savedAnswers('hobby')['children']).toEqual([{ childAge: 12 }]);
    await type(age, '12a');
    expect(savedAnswers('hobby')['children']).toEqual([{ childAge: '12a' }]);
  });

  it('makes a date of the day, month and year fields, and empties them when the resident clears the answers', async () => {
    const { container, t } = await flow(englishForm('registration'), {}, 0);
    const part = (name: string) => container.querySelector<HTMLInputElement>(`input[name="root_birthDate-${name}"]`)!;
    await type(part('day'), '12');
    await type(part('month'), '3');
    expect(savedAnswers('registration')['birthDate']).toBe('-03-12');
    await type(part('year'), '1985');
    expect(savedAnswers('registration')['birthDate']).toBe('1985-03-12');
    expect(container.querySelector<HTMLLabelElement>(`label[for="${part('day').id}"]`)!.textContent).toBe(t('form.day'));

    await user(() => byText(container, 'button', t('form.clear')).click());
    await user(() => byText(container, 'button', t('form.clearYes')).click());
    expect(savedAnswers('registration')['birthDate']).toBeUndefined();
    expect([part('day').value, part('month').value, part('year').value]).toEqual(['', '', '']);
    expect(container.textContent).toContain(t('form.cleared'));
  });
});
