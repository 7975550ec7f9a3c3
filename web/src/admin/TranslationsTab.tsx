import { memo, useEffect, useMemo, useState } from 'react';
import { dirOf, type Lang } from '../../../schemas/src/languages.js';
import type { FormProblem } from '../../../schemas/src/problems.js';
import { setReviewed } from '../../../schemas/src/review-stamps.js';
import {
  applyImport,
  compareImport,
  exportLanguageJson,
  isEmptyText,
  setTextByKey,
  translationGrid,
  type ImportComparison,
} from '../../../schemas/src/translation-grid.js';
import type { FormDefinition, LanguageMeta } from '../../../schemas/src/types.js';
import { formatTime, languageName } from '../staff/format.js';
import { useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import type { Draft } from './use-draft.js';

type Edit = Draft['edit'];

const HEADING_ID = 'wb-tr-heading';
/** One list for every cell without problems, so an unchanged cell is not drawn again while another is typed in. */
const NONE: FormProblem[] = [];

/** A dotted text key from a problem's path (`/texts/ar/fields/phone/label` → `ar`, `fields.phone.label`). */
function problemCell(path: string): { lang: string; key: string } | undefined {
  const parts = path.split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts[1] === 'texts' && parts.length > 3 ? { lang: parts[2]!, key: parts.slice(3).join('.') } : undefined;
}

/** Downloads a language's texts as `<formId>.<lang>.json` (a blob: link; the page's CSP allows no inline script). */
function download(def: FormDefinition, lang: Lang) {
  const url = URL.createObjectURL(new Blob([exportLanguageJson(def, lang)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${def.id}.${lang}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ColumnHeader({ def, lang, filled, total, edit }: { def: FormDefinition; lang: Lang; filled: number; total: number; edit: Edit }) {
  const { me } = useSession();
  const meta: LanguageMeta | undefined = def.meta.languages[lang];
  const name = languageName(lang);
  return (
    <th scope="col" className="wb-tr-col">
      <span className="wb-tr-lang">{name}</span>
      <span className="staff-table__sub">{t('workbench.translations.complete', { filled, total })}</span>
      {meta ? (
        <label className="wb-tr-reviewed">
          <input
            type="checkbox"
            checked={meta.reviewed}
            onChange={(e) => {
              const reviewed = e.currentTarget.checked;
              edit((d) => setReviewed(d, lang, reviewed, { by: me.email, at: new Date().toISOString() }));
            }}
          />
          {t('workbench.translations.reviewed')}
          <span className="visually-hidden"> ({name})</span>
        </label>
      ) : null}
      {meta?.reviewed && meta.reviewedBy ? (
        <span className="staff-table__sub">
          {t('workbench.translations.reviewedBy', { by: meta.reviewedBy, at: meta.reviewedAt ? formatTime(meta.reviewedAt) : '' })}
        </span>
      ) : null}
      <button type="button" className="button button--secondary wb-tr-export" onClick={() => download(def, lang)}>
        {t('workbench.translations.export')}
        <span className="visually-hidden"> ({name})</span>
      </button>
    </th>
  );
}

/** One text of one language: an input in the language's own direction; an empty one says so in words. */
const Cell = memo(function Cell({
  lang,
  rowKey,
  index,
  text,
  problems,
  edit,
}: {
  lang: Lang;
  rowKey: string;
  index: number;
  text: string;
  problems: FormProblem[];
  edit: Edit;
}) {
  const empty = isEmptyText(text);
  const flagId = `wb-tr-${lang}-${index}`;
  return (
    <td className={empty ? 'wb-tr-cell wb-tr-cell--empty' : 'wb-tr-cell'}>
      <textarea
        lang={lang}
        dir={dirOf(lang)}
        rows={text.length > 60 ? 3 : 1}
        value={text}
        aria-label={t('workbench.translations.cellLabel', { key: rowKey, language: languageName(lang) })}
        aria-describedby={empty || problems.length ? flagId : undefined}
        onChange={(e) => {
          const value = e.currentTarget.value;
          edit((d) => setTextByKey(d, lang, rowKey, value));
        }}
      />
      {empty || problems.length ? (
        <span id={flagId} className="wb-tr-flag">
          {empty ? <strong>{t('workbench.translations.missing')}</strong> : null}
          {problems.map((p) => (
            <span key={p.code} className="wb-tr-problem">
              {' '}
              {p.message}
            </span>
          ))}
        </span>
      ) : null}
    </td>
  );
});

/** Reads a translator's file and lists what it would change before anything is applied. */
function ImportPanel({ def, langs, edit }: { def: FormDefinition; langs: Lang[]; edit: Edit }) {
  const [lang, setLang] = useState<Lang>(langs.find((l) => l !== 'fi') ?? 'fi');
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [comparison, setComparison] = useState<ImportComparison>();
  const [applied, setApplied] = useState<number>();

  async function preview() {
    setApplied(undefined);
    setComparison(undefined);
    if (!file) return setError(t('workbench.translations.noFile'));
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      return setError(t('workbench.translations.notJson', { reason: (e as Error).message }));
    }
    setError(undefined);
    setComparison(compareImport(def, lang, json));
  }

  function apply() {
    if (!comparison) return;
    const changes = comparison.changes;
    edit((d) => applyImport(d, lang, changes));
    setComparison(undefined);
    setApplied(changes.length);
  }

  const kind = {
    added: t('workbench.translations.added'),
    changed: t('workbench.translations.changed'),
    removed: t('workbench.translations.removed'),
  };
  const shown = (text: string) => (isEmptyText(text) ? t('workbench.translations.empty') : text);
  return (
    <section className="wb-tr-import" aria-labelledby="wb-tr-import-heading">
      <h2 id="wb-tr-import-heading">{t('workbench.translations.importHeading')}</h2>
      <p>{t('workbench.translations.importText')}</p>
      <div className="field">
        <label htmlFor="wb-tr-import-lang">{t('workbench.translations.importLanguage')}</label>
        <select
          id="wb-tr-import-lang"
          value={lang}
          onChange={(e) => {
            setLang(e.currentTarget.value as Lang);
            setComparison(undefined);
          }}
        >
          {langs.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="wb-tr-import-file">{t('workbench.translations.importFile')}</label>
        <input
          id="wb-tr-import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0]);
            setComparison(undefined);
          }}
        />
      </div>
      <button type="button" className="button button--secondary" onClick={() => void preview()}>
        {t('workbench.translations.preview')}
      </button>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="status">
        {applied !== undefined ? <p>{t('workbench.translations.applied', { count: applied })}</p> : null}
        {comparison && comparison.changes.length === 0 ? <p>{t('workbench.translations.noChanges')}</p> : null}
      </div>
      {comparison && comparison.changes.length > 0 ? (
        <>
          <h3>{t('workbench.translations.changesHeading', { count: comparison.changes.length, language: languageName(lang) })}</h3>
          <ul className="wb-tr-changes">
            {comparison.changes.map((c) => (
              <li key={c.key}>
                <strong>{kind[c.kind]}</strong> <code>{c.key}</code>:{' '}
                <del lang={lang} dir={dirOf(lang)}>
                  {shown(c.old)}
                </del>{' '}
                →{' '}
                <ins lang={lang} dir={dirOf(lang)}>
                  {shown(c.new)}
                </ins>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {comparison && comparison.refusals.length > 0 ? (
        <>
          <h3>{t('workbench.translations.refusedHeading', { count: comparison.refusals.length })}</h3>
          <ul className="wb-tr-changes">
            {comparison.refusals.map((r) => (
              <li key={`${r.reason}:${r.key}`}>{t(`workbench.translations.refused.${r.reason}`, { key: r.key })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {comparison && comparison.changes.length > 0 ? (
        <p className="wb-tr-actions">
          <button type="button" className="button" onClick={apply}>
            {t('workbench.translations.apply')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setComparison(undefined)}>
            {t('workbench.translations.cancel')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The Translations tab: every text of the form by language, empty ones flagged, each language's completeness and
 * review, its texts out to a translator as a JSON file and back in, the changes shown before they are applied.
 */
export function TranslationsTab({ def, edit, problems }: { def: FormDefinition; edit: Edit; problems: FormProblem[] }) {
  const grid = useMemo(() => translationGrid(def), [def]);
  // Ten columns do not fit a phone: one language beside Finnish does.
  const [shown, setShown] = useState<'all' | Lang>('all');
  useEffect(() => {
    if (shown !== 'all' && !grid.langs.includes(shown)) setShown('all');
  }, [grid.langs, shown]);
  const columns = shown === 'all' ? grid.langs : grid.langs.filter((l) => l === 'fi' || l === shown);
  const cellProblems = useMemo(() => {
    const out = new Map<string, FormProblem[]>();
    for (const p of problems) {
      const cell = problemCell(p.path);
      if (!cell || p.code === 'missing_text') continue;
      const id = `${cell.lang} ${cell.key}`;
      out.set(id, [...(out.get(id) ?? []), p]);
    }
    return out;
  }, [problems]);

  return (
    <div className="wb-tr">
      <h2 id={HEADING_ID}>{t('workbench.translations.heading')}</h2>
      <p>{t('workbench.translations.intro')}</p>
      <div className="field">
        <label htmlFor="wb-tr-show">{t('workbench.translations.show')}</label>
        <select id="wb-tr-show" value={shown} onChange={(e) => setShown(e.currentTarget.value as 'all' | Lang)}>
          <option value="all">{t('workbench.translations.showAll')}</option>
          {grid.langs
            .filter((l) => l !== 'fi')
            .map((l) => (
              <option key={l} value={l}>
                {t('workbench.translations.showOne', { language: languageName(l) })}
              </option>
            ))}
        </select>
      </div>
      <div className="staff-table-scroll" role="region" aria-labelledby={HEADING_ID} tabIndex={0}>
        <table className="staff-table wb-tr-table" aria-labelledby={HEADING_ID}>
          <thead>
            <tr>
              <th scope="col">{t('workbench.translations.key')}</th>
              {columns.map((lang) => (
                <ColumnHeader key={lang} def={def} lang={lang} edit={edit} {...grid.completeness[lang]!} />
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, index) => (
              <tr key={row.key}>
                <th scope="row">
                  <code className="wb-tr-key">{row.key}</code>
                </th>
                {columns.map((lang) => (
                  <Cell
                    key={lang}
                    lang={lang}
                    rowKey={row.key}
                    index={index}
                    text={row.cells[lang] ?? ''}
                    problems={cellProblems.get(`${lang} ${row.key}`) ?? NONE}
                    edit={edit}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ImportPanel def={def} langs={grid.langs} edit={edit} />
    </div>
  );
}
