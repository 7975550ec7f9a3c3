import { Fragment, type ReactNode } from 'react';
import { fill } from '../../../schemas/src/i18n.js';
import { dirOf, type Lang } from '../../../schemas/src/languages.js';
import { ApiError, fetchServices } from '../api.js';
import { LoadFailed, Loading, NotFound, PageHeading } from '../components.js';
import { useTexts } from '../texts-context.js';
import { useAsync } from '../use-async.js';
import { feedbackLink } from './feedback-link.js';

type Section = { title: string; text: string };

/** A statement's texts (`schemas/accessibility/<lang>.json`); `{{placeholders}}` are filled from the municipality. */
interface Statement {
  title: string;
  scope: Section & { law: string; languages: string };
  status: Section;
  nonConforming: Section & { items: Record<string, string> };
  assessment: Section & { items: Record<string, string>; date: string };
  feedback: Section & { email: string; phone: string; form: string; response: string };
  enforcement: Section & {
    authority: string;
    unit: string;
    web: string;
    email: string;
    authorityEmail: string;
    phone: string;
    authorityPhone: string;
  };
  prepared: Section;
}

/** One chunk per language, loaded only on this page. */
const loaders = import.meta.glob<Statement>('../../../schemas/accessibility/*.json', { import: 'default' });
const loaderOf = new Map(Object.entries(loaders).map(([path, load]) => [path.replace(/^.*\/|\.json$/g, ''), load]));

/** The language of the statement shown for a page in `lang`: its own, else English. */
export function statementLanguage(lang: Lang): Lang {
  return loaderOf.has(lang) ? lang : 'en';
}

/**
 * `template` with `{{name}}` replaced by `values[name]`, a link: what react-i18next's `<Trans>` does, for the four
 * lines of this page that place a link inside a sentence (plain values go through the kit's i18next `fill`).
 */
function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  return template.split(/(\{\{\s*\w+\s*\}\})/).map((part, i) => {
    const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
    return <Fragment key={i}>{name !== undefined && name in values ? values[name] : part}</Fragment>;
  });
}

const mailto = (email: string) => (
  <a href={`mailto:${email}`} dir="ltr">
    {email}
  </a>
);
const tel = (phone: string) => (
  <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} dir="ltr">
    {phone}
  </a>
);

/** `/<lang>/<municipality>/saavutettavuus`: the municipality's accessibility statement for Koto Forms. */
export function AccessibilityPage({ lang, municipality }: { lang: Lang; municipality: string }) {
  const { t } = useTexts();
  const shown = statementLanguage(lang);
  const [state, retry] = useAsync(async () => {
    const [statement, services] = await Promise.all([loaderOf.get(shown)!(), fetchServices(municipality, lang)]);
    // The town's feedback form is found by its setting (`meta.feedback`), in English when not offered in `lang`.
    const feedbackForm =
      services.forms.find((f) => f.feedback) ??
      (await fetchServices(municipality, 'en').catch(() => undefined))?.forms.find((f) => f.feedback);
    return [statement, services, feedbackForm?.id] as const;
  }, `${municipality}/${lang}`);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    if (state.error instanceof ApiError && state.error.status === 404) return <NotFound home={`/${lang}`} />;
    return <LoadFailed onRetry={retry} />;
  }
  const [s, { forms, municipality: info }, feedbackFormId] = state.value;
  if (!info) return <NotFound home={`/${lang}`} />;
  const feedback = feedbackLink(
    lang,
    shown,
    forms.some((f) => f.feedback),
  );
  const vars = { municipality: info.name, url: window.location.origin };
  const other = shown !== lang;

  return (
    <div className="statement" lang={other ? shown : undefined} dir={other ? dirOf(shown) : undefined}>
      <PageHeading>{fill(s.title, vars, shown)}</PageHeading>
      <h2>{s.scope.title}</h2>
      <p>{fillNodes(s.scope.text, vars)}</p>
      <p>{s.scope.law}</p>
      <p>{s.scope.languages}</p>

      <h2>{s.status.title}</h2>
      <p>{s.status.text}</p>

      <h2>{s.nonConforming.title}</h2>
      <p>{s.nonConforming.text}</p>
      <ul>
        {Object.entries(s.nonConforming.items).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>

      <h2>{s.assessment.title}</h2>
      <p>{s.assessment.text}</p>
      <ul>
        {Object.entries(s.assessment.items).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
      <p>{s.assessment.date}</p>

      <h2>{s.feedback.title}</h2>
      <p>{s.feedback.text}</p>
      <ul className="link-list">
        <li>{fillNodes(s.feedback.email, { email: mailto(info.contact.email) })}</li>
        <li>{fillNodes(s.feedback.phone, { phone: tel(info.contact.phone) })}</li>
        {feedbackFormId === undefined ? null : (
          <li>
            <a href={`/${feedback.lang}/${municipality}/${feedbackFormId}`} hrefLang={feedback.lang}>
              {s.feedback.form}
              {feedback.name === undefined ? null : (
                <>
                  {' ('}
                  <span lang={feedback.lang} dir={dirOf(feedback.lang)}>
                    {feedback.name}
                  </span>
                  {')'}
                </>
              )}
            </a>
          </li>
        )}
      </ul>
      <p>{s.feedback.response}</p>

      <h2>{s.enforcement.title}</h2>
      <p>{s.enforcement.text}</p>
      <p>
        {s.enforcement.authority}
        <br />
        {s.enforcement.unit}
      </p>
      <ul className="link-list">
        <li>
          <a href={`https://${s.enforcement.web}`} dir="ltr">
            {s.enforcement.web}
          </a>
        </li>
        <li>{fillNodes(s.enforcement.email, { email: mailto(s.enforcement.authorityEmail) })}</li>
        <li>{fillNodes(s.enforcement.phone, { phone: tel(s.enforcement.authorityPhone) })}</li>
      </ul>

      <h2>{s.prepared.title}</h2>
      <p>{s.prepared.text}</p>
      <p>
        <a
          className="standalone-link"
          href={`/${lang}/${municipality}`}
          lang={other ? lang : undefined}
          dir={other ? dirOf(lang) : undefined}
        >
          {t('confirmation.home')}
        </a>
      </p>
    </div>
  );
}
