import type { Lang } from './languages.js';

/** A JSON Schema object as stored in form definitions (draft-07 subset, language-neutral). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  contains?: JsonSchema;
  title?: string;
  description?: string;
  [keyword: string]: unknown;
};

export type UiSchema = Record<string, unknown>;

/** One step of a long form: a title id and the top-level fields it shows. */
export interface FormStep {
  id: string;
  fields: string[];
}

/** Per-field texts: label, plain-language hint (the lint asks one of every field but consent), option labels, own error texts. */
export interface FieldTexts {
  label: string;
  hint?: string;
  options?: Record<string, string>;
  errors?: Record<string, string>;
  /** A repeating group's item title with `{{number}}` ("Lapsi {{number}}"), its add button and remove button ("Poista lapsi {{number}}"). */
  item?: string;
  add?: string;
  remove?: string;
}

/** All display text of one form in one language (i18next-style nested JSON). */
export interface FormTexts {
  title: string;
  description: string;
  /** What happens after sending, on the confirmation page and in the resident's message; may name the town's data. */
  next: string;
  steps: Record<string, string>;
  fields: Record<string, FieldTexts>;
  consent: { text: string };
}

export interface LanguageMeta {
  /** False until a native speaker has reviewed the texts. */
  reviewed: boolean;
  /** Who marked it reviewed (an admin's email), stamped by the server. */
  reviewedBy?: string;
  /** When (an ISO time), stamped by the server; a change to the language's texts clears the mark. */
  reviewedAt?: string;
}

/**
 * The questions that play a part the service relies on, by field id: each form declares them, so no code knows a
 * form's ids and a form an admin makes works like the others.
 */
export interface FormRoles {
  /** The consent checkbox (a yes/no that must be yes); its text is `consent.text`. Every form has one. */
  consent: string;
  /** The resident's name as they write it: shown to staff as a name, not as free text in the resident's language. */
  name?: string;
  /** Their name in Latin letters, when the form asks it. */
  latinName?: string;
  /** Email questions whose answer is the resident's own address, in order: the confirmation goes to the first answered. */
  contactEmail?: string[];
  /** The resident's own phone number: the SMS confirmation goes there when the town sends SMS. */
  phone?: string;
}

export interface FormMeta {
  /** The questions the service relies on (consent, the resident's name, email and phone). */
  roles: FormRoles;
  /** Languages offered for this form, with their review state. */
  languages: Partial<Record<Lang, LanguageMeta>>;
  /** Fields whose values may appear in a staff email; never free text. */
  emailSafeFields: string[];
  /**
   * Short labels staff read in their mail, in the staff language (Finnish), by field id: "Yhteydenottotapa", not the
   * resident's question "Miten otamme sinuun yhteyttä?". A question without one is shown with its Finnish label.
   */
  staffLabels?: Record<string, string>;
  /** Days a submission is kept before it is deleted. */
  retentionDays: number;
  /** Version of the consent text shown; stored with every submission. */
  consentVersion: string;
  /** The service a resident of this form is likely to need next, suggested on the confirmation page. */
  suggest?: string;
  /** The form is the service's feedback form: the accessibility statement sends readers to it. */
  feedback?: boolean;
  /**
   * `false`: a submission is evidence for the reports, not a case: stored (with retention) but not mailed to staff
   * and not in the inbox, search, digest or export; unless the resident left contact details (an answer to the
   * `name`, `latinName`, `phone` or `contactEmail` role), which asks for a reply and makes it a case. Default true.
   */
  triage?: boolean;
}

/** A form as authored: language-neutral schema, layout, texts per language and metadata. */
export interface FormDefinition {
  id: string;
  version: number;
  schema: JsonSchema;
  /** rjsf uiSchema; `ui:steps` (FormStep[]) splits a long form into steps. */
  uiSchema: UiSchema;
  meta: FormMeta;
  texts: Partial<Record<Lang, FormTexts>>;
}

export interface WalkIn {
  weekday: number;
  opens: string;
  closes: string;
  address: string;
}

/** A municipality as data: its forms, where their notifications go, and how to reach it. */
export interface Municipality {
  id: string;
  name: string;
  /** Three letters that open every reference of this municipality, e.g. `HEI`. */
  referencePrefix: string;
  forms: string[];
  /** Staff mailboxes per form id; `default` when a form has none of its own. */
  routing: Record<string, string[]>;
  contact: { email: string; phone: string; address: string };
  /** A weekly walk-in: weekday 1 (Monday) to 7, times HH:MM in Finnish time; its texts name them as `{{weekday}}` etc. */
  walkIn?: WalkIn;
  /** Whether residents who gave a phone number get their confirmation by SMS. */
  sms?: { enabled: boolean };
  privacyNoticeUrl: string;
  /** Display texts per language: walk-in hours, orientation provider, ... */
  texts: Partial<Record<Lang, Record<string, string>>>;
}

/** Interface texts of the resident app and validation messages, per language. */
export type CommonTexts = Record<string, unknown> & {
  errors: Record<string, string>;
};

/** The resident's confirmation email, per language (i18next namespace `mail`). */
export interface MailTexts {
  subject: string;
  greeting: string;
  received: string;
  reference: string;
  contact: string;
  noReply: string;
  /** The SMS confirmation: `{{municipality}}`, `{{form}}`, `{{reference}}`, `{{next}}`, `{{phone}}`. */
  sms: string;
  /** The feedback request sent when staff close a case: `{{municipality}}`. */
  feedbackSubject: string;
  feedbackIntro: string;
  /** `{{service}}`: the service the feedback is about, in the resident's language. */
  feedbackAbout: string;
  /** `{{link}}`: the personal single-use feedback link. */
  feedbackLink: string;
  /** The same by SMS: `{{municipality}}`, `{{service}}`, `{{link}}`. */
  feedbackSms: string;
}

/** Everything loaded from `schemas/`: forms, municipalities and interface texts. */
export interface Catalog {
  forms: FormDefinition[];
  municipalities: Municipality[];
  common: Partial<Record<Lang, CommonTexts>>;
  mail: Partial<Record<Lang, MailTexts>>;
  /** Native-speaker review of the texts every form shares (interface, mail, municipalities, statements). */
  sharedReview: Partial<Record<Lang, { reviewed: boolean }>>;
}
