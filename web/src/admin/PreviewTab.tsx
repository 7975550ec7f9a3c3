import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dirOf, type Lang } from '../../../schemas/src/languages.js';
import type { LocalizedForm } from '../../../schemas/src/localize.js';
import { localize } from '../../../schemas/src/localize-form.js';
import { stepsOf, type Position } from '../resident/steps.js';
import type { FormDefinition } from '../../../schemas/src/types.js';
import { fetchServices } from '../api.js';
import { loadTexts, onFallbackTexts, type LoadedTexts } from '../i18n.js';
import { StaffLoading } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { TextsContext } from '../texts-context.js';
import { PreviewFlow } from './PreviewFlow.js';
import { previewLanguages, withMissingMarked } from './preview-texts.js';
// The preview shares the resident form page's chunk whole. Without this import the bundler would cut the modules
// both use (rjsf, the steps) out of that chunk into another file, and every resident form page would load one more.
import '../resident/FormPage.js';

/** The town whose texts fill a form's `{{placeholders}}` in the preview. */
const SAMPLE_TOWN = 'heinola';
const townVars = new Map<Lang, Promise<Record<string, string>>>();

/** The sample town's texts in `lang`, as the server fills them in (its name if they cannot be loaded). */
function loadTownVars(lang: Lang): Promise<Record<string, string>> {
  let vars = townVars.get(lang);
  if (!vars) {
    vars = fetchServices(SAMPLE_TOWN, lang).then(
      ({ municipality }) => ({ ...municipality.texts, municipality: municipality.name }),
      () => ({ municipality: 'Heinola' }),
    );
    townVars.set(lang, vars);
  }
  return vars;
}

/** The resident's interface texts and the sample town's texts in `lang`, once both have loaded. */
function useResidentWords(lang: Lang) {
  const [words, setWords] = useState<{ lang: Lang; texts: LoadedTexts; vars: Record<string, string> }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    Promise.all([loadTexts(lang), loadTownVars(lang)]).then(
      ([texts, vars]) => live && setWords({ lang, texts, vars }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  // English arrived for interface keys the language lacks: show them.
  useEffect(() => onFallbackTexts((fresh) => setWords((w) => (w && w.texts.lang === fresh.lang ? { ...w, texts: fresh } : w))), []);
  return { words: words?.lang === lang ? words : undefined, failed };
}

/** A crash while rendering the draft shows as a message, and the preview tries again when the draft changes. */
class PreviewBoundary extends Component<{ draft: FormDefinition; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static override getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidUpdate(previous: { draft: FormDefinition }) {
    if (previous.draft !== this.props.draft && this.state.error) this.setState({ error: undefined });
  }
  override render() {
    return this.state.error ? <Failed reason={this.state.error.message} /> : this.props.children;
  }
}

function Failed({ reason }: { reason: string }) {
  return (
    <p className="notice notice--error" role="alert">
      {t('workbench.preview.failed', { reason })}
    </p>
  );
}

/** The step controls' names: each step by its Finnish title, then the review. */
function stepNames(def: FormDefinition, form: LocalizedForm): string[] {
  return stepsOf(form).map((step, i) =>
    t('workbench.step', { number: i + 1, title: def.texts.fi?.steps[step.id] || t('workbench.stepUntitled') }),
  );
}

/**
 * `/admin/forms/<id>/preview`: the draft as a resident sees it on a phone, with the resident's own components, in
 * any of its languages and either direction, step by step; it follows the draft as the admin edits it.
 */
export function PreviewTab({ def }: { def: FormDefinition }) {
  const languages = previewLanguages(def);
  const [lang, setLang] = useState<Lang>(languages.includes('fi') ? 'fi' : (languages[0] ?? 'fi'));
  const [position, setPosition] = useState<Position>(0);
  const [notSent, setNotSent] = useState(false);
  const { words, failed } = useResidentWords(lang);

  const localized = useMemo(() => {
    if (!words) return undefined;
    try {
      return { form: localize(withMissingMarked(def, lang, t('workbench.preview.missing')), lang, words.vars) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [def, lang, words]);

  const form = localized?.form;
  const last = form ? stepsOf(form).length - 1 : 0;
  // A step removed in another tab: the preview stays on the last one there is.
  const at: Position = position === 'review' ? 'review' : Math.min(position, last);
  const moveTo = (to: Position) => {
    setPosition(to);
    setNotSent(false);
  };
  const names = form ? stepNames(def, form) : [];
  const index = at === 'review' ? names.length : at;

  return (
    <div className="wb-preview">
      <p>{t('workbench.preview.intro')}</p>
      <div className="wb-preview__controls">
        <div className="wb-field">
          <label htmlFor="wb-preview-lang">{t('workbench.preview.language')}</label>
          <select id="wb-preview-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
                {dirOf(code) === 'rtl' ? ` (${t('workbench.preview.rtl')})` : ''}
              </option>
            ))}
          </select>
        </div>
        {form ? (
          <div className="wb-field">
            <label htmlFor="wb-preview-step">{t('workbench.preview.step')}</label>
            <select
              id="wb-preview-step"
              value={String(index)}
              onChange={(e) => {
                const chosen = Number(e.currentTarget.value);
                moveTo(chosen >= names.length ? 'review' : chosen);
              }}
            >
              {names.map((name, i) => (
                <option key={i} value={i}>
                  {name}
                </option>
              ))}
              <option value={names.length}>{t('workbench.preview.review')}</option>
            </select>
          </div>
        ) : null}
        {form ? (
          <div className="wb-preview__moves">
            <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => moveTo(index - 1)}>
              {t('workbench.preview.previous')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={at === 'review'}
              onClick={() => moveTo(index + 1 > last ? 'review' : index + 1)}
            >
              {t('workbench.preview.next')}
            </button>
          </div>
        ) : null}
      </div>
      {failed ? <Failed reason={t('workbench.preview.textsFailed')} /> : null}
      {localized?.error ? <Failed reason={localized.error} /> : null}
      {!words && !failed ? <StaffLoading /> : null}
      {form && words ? (
        <TextsContext.Provider value={words.texts}>
          <div className="wb-preview__phone" lang={lang} dir={dirOf(lang)}>
            <PreviewBoundary draft={def}>
              <PreviewFlow key={lang} form={form} position={at} onMove={moveTo} onSend={() => setNotSent(true)} />
            </PreviewBoundary>
          </div>
        </TextsContext.Provider>
      ) : null}
      <p className="wb-preview__note">{t('workbench.preview.validation')}</p>
      {/* Always there, so a screen reader announces the words when Send fills them in. */}
      <p className={notSent ? 'notice' : undefined} role="status">
        {notSent ? t('workbench.preview.notSent') : ''}
      </p>
    </div>
  );
}
