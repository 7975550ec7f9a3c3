import {
  answerLine,
  fieldOrder,
  showFormAnswer,
  type AnswerView,
  type FormDefinition,
  type JsonSchema,
  type Lang,
  type LocalizedForm,
  type UiSchema,
} from '../../../../schemas/src/index.js';
import { staffLabel } from '../../../../schemas/src/staff-label.js';
import type { Submission } from '../submission.js';

export type { AnswerView } from '../../../../schemas/src/staff-contract.js';

/** What showing answers needs: the form as read in a language (cached by the registry) and the words for yes and no. */
export interface AnswerWords {
  localized: (lang: Lang) => LocalizedForm;
  yesNo: (lang: Lang) => [string, string];
}

function isFreeText(schema: JsonSchema | undefined): boolean {
  return schema?.type === 'string' && !schema.enum && schema['format'] === undefined && schema['pattern'] === undefined;
}

/** A phone number or an email address staff may call or write to: the phone role or a `tel` input, an email question. */
function contactKind(form: FormDefinition, field: string, value: unknown): AnswerView['contact'] {
  if (typeof value !== 'string') return undefined;
  if (form.schema.properties?.[field]?.['format'] === 'email') return 'mailto';
  const ui = form.uiSchema[field] as UiSchema | undefined;
  const options = ui?.['ui:options'] as UiSchema | undefined;
  return field === form.meta.roles.phone || options?.['inputType'] === 'tel' ? 'tel' : undefined;
}

/** The answers of a submission in form order, in Finnish words and in the resident's language, shown as the kit shows them. */
export function answerViews(form: FormDefinition, submission: Submission, { localized, yesNo }: AnswerWords): AnswerView[] {
  const fi = localized('fi');
  const lang: Lang = form.texts[submission.lang] ? submission.lang : 'fi';
  const resident = localized(lang);
  return fieldOrder(form)
    .filter((field) => submission.answers[field] !== undefined)
    .map((field) => {
      const value = submission.answers[field];
      // A name is no free text to translate: it is shown as written.
      const freeText = isFreeText(form.schema.properties?.[field]) && field !== form.meta.roles.name && field !== form.meta.roles.latinName;
      const shown = showFormAnswer(fi, field, value, yesNo('fi'));
      return {
        field,
        label: staffLabel(form.meta, field, fi.schema.properties?.[field]?.title),
        residentLabel: resident.schema.properties?.[field]?.title ?? field,
        value,
        shown,
        display: answerLine(shown),
        residentDisplay: answerLine(showFormAnswer(resident, field, value, yesNo(lang))),
        freeText,
        lang: freeText ? submission.lang : 'fi',
        ...(contactKind(form, field, value) ? { contact: contactKind(form, field, value) } : {}),
      };
    });
}
