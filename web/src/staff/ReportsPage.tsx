import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { FEEDBACK_SERVICE_NAMES, MEASURE_NAMES, nameKey } from '../../../schemas/src/report-names.js';
import { type MonthRow, type Report, type ReportCell, type ReportQuery } from '../../../schemas/src/report-contract.js';
import { navigate } from '../router.js';
import { formTitle, type StaffCatalog } from './catalog.js';
import { languageName } from './format.js';
import { BarChart, ChartLegend, TableToggle, type ChartRow } from './ReportChart.js';
import {
  formatCount,
  formatDecimal,
  formatShare,
  handlingSummary,
  measuresSummary,
  monthLabel,
  rowsSummary,
  scaleFor,
  SUPPRESSED,
  trendSummary,
  type RowSummaryKind,
} from './report-charts.js';
import { periodProblems, reportQueryFromSearch, reportSearch } from './report-query.js';
import { fetchReport, reportCsvHref } from './staff-api.js';
import { isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from './staff-ui.js';
import { REPORTS_PATH } from './staff-routes.js';
import { t } from './texts.js';

type State = { status: 'loading' } | { status: 'ready'; report: Report } | { status: 'failed'; error: unknown };

const measureName = (measure: string) => {
  const key = nameKey(MEASURE_NAMES, measure);
  return key ? t(key) : measure;
};

const ROW_SECTIONS = {
  byService: { heading: 'reports.byService.heading', caption: 'reports.byService.caption', column: 'reports.byService.column' },
  byLanguage: { heading: 'reports.byLanguage.heading', caption: 'reports.byLanguage.caption', column: 'reports.byLanguage.column' },
  byMunicipality: {
    heading: 'reports.byMunicipality.heading',
    caption: 'reports.byMunicipality.caption',
    column: 'reports.byMunicipality.column',
  },
  feedbackByService: {
    heading: 'reports.feedbackByService.heading',
    caption: 'reports.feedbackByService.caption',
    column: 'reports.feedbackByService.column',
  },
} as const;

/** A table cell: the count, or "<5" for a suppressed one. */
function Cell({ value }: { value: ReportCell }) {
  return <td className={value === SUPPRESSED ? 'report-suppressed' : undefined}>{formatCount(value)}</td>;
}

/** A section's heading, its sentence and chart in a figure, and the table view. */
function Section({
  id,
  heading,
  summary,
  chart,
  table,
}: {
  id: string;
  heading: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <figure className="report-figure">
        <figcaption id={`${id}-summary`} className="report-summary">
          {summary}
        </figcaption>
        {chart}
      </figure>
      <TableToggle id={id} captionId={`${id}-caption`}>
        {table}
      </TableToggle>
    </section>
  );
}

/** Counts per row over the period (the chart) and per month (the table): services, languages, municipalities. */
function RowsSection({ kind, report, label }: { kind: RowSummaryKind; report: Report; label: (key: string) => string }) {
  const rows = report[kind];
  const texts = ROW_SECTIONS[kind];
  const id = `report-${kind}`;
  const chartRows: ChartRow[] = rows.map((row) => ({
    label: label(row.key),
    bars: [{ value: row.total, text: formatCount(row.total), title: `${label(row.key)}: ${formatCount(row.total)}` }],
  }));
  const suppressed = rows.some((row) => row.total === SUPPRESSED);
  return (
    <Section
      id={id}
      heading={t(texts.heading)}
      summary={rowsSummary(kind, rows, label)}
      chart={
        <>
          <BarChart
            id={id}
            rows={chartRows}
            scale={scaleFor(rows.map((row) => row.total))}
            labelledBy={`${id}-summary`}
            tickText={(n) => formatCount(n)}
          />
          <ChartLegend series={[]} suppressed={suppressed} />
        </>
      }
      table={<MonthTable id={id} caption={t(texts.caption)} column={t(texts.column)} months={report.months} rows={rows} label={label} />}
    />
  );
}

function MonthTable(props: {
  id: string;
  caption: string;
  column: string;
  months: string[];
  rows: MonthRow[];
  label: (key: string) => string;
}) {
  return (
    <table className="report-data">
      <caption id={`${props.id}-caption`}>
        <span>{props.caption}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{props.column}</th>
          {props.months.map((month) => (
            <th key={month} scope="col">
              {monthLabel(month)}
            </th>
          ))}
          <th scope="col">{t('reports.total')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{props.label(row.key)}</th>
            {row.months.map((cell, i) => (
              <Cell key={i} value={cell} />
            ))}
            <Cell value={row.total} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TrendSection({ report }: { report: Report }) {
  const id = 'report-trend';
  const { months, yearBefore } = report.trend;
  const series = [t('reports.trend.thisPeriod'), t('reports.trend.yearBefore')];
  const rows: ChartRow[] = report.months.map((month, i) => ({
    label: monthLabel(month),
    bars: [months[i]!, yearBefore[i]!].map((value, s) => ({
      value,
      text: formatCount(value),
      title: `${monthLabel(month)}, ${series[s]!.toLowerCase()}: ${formatCount(value)}`,
    })),
  }));
  return (
    <Section
      id={id}
      heading={t('reports.trend.heading')}
      summary={trendSummary(report.trend)}
      chart={
        <>
          <BarChart
            id={id}
            rows={rows}
            inlineLabels
            scale={scaleFor([...months, ...yearBefore])}
            labelledBy={`${id}-summary`}
            tickText={(n) => formatCount(n)}
          />
          <ChartLegend series={series} suppressed={[...months, ...yearBefore].includes(SUPPRESSED)} />
        </>
      }
      table={
        <table className="report-data">
          <caption id={`${id}-caption`}>
            <span>{t('reports.trend.caption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.trend.month')}</th>
              <th scope="col">{series[0]}</th>
              <th scope="col">{series[1]}</th>
            </tr>
          </thead>
          <tbody>
            {report.months.map((month, i) => (
              <tr key={month}>
                <th scope="row">{monthLabel(month)}</th>
                <Cell value={months[i]!} />
                <Cell value={yearBefore[i]!} />
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function HandlingSection({ report, label }: { report: Report; label: (service: string) => string }) {
  const id = 'report-handling';
  const days = (value: number | null) => (value === null ? '–' : formatDecimal(value, 1));
  const rows: ChartRow[] = report.handling.map((row) => {
    const share = row.cases === SUPPRESSED ? SUPPRESSED : row.doneWithinFiveWorkingDays;
    const text = share === SUPPRESSED ? SUPPRESSED : share === null ? '–' : formatShare(share);
    return {
      label: label(row.service),
      bars: [{ value: share, text, title: `${label(row.service)}: ${share === null ? t('reports.noData') : text}` }],
    };
  });
  return (
    <Section
      id={id}
      heading={t('reports.handling.heading')}
      summary={handlingSummary(report.handling, label)}
      chart={
        <>
          <p className="report-chart-title" aria-hidden="true">
            {t('reports.handling.chartLabel')}
          </p>
          <BarChart
            id={id}
            rows={rows}
            scale={{ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] }}
            labelledBy={`${id}-summary`}
            tickText={formatShare}
          />
          <ChartLegend
            series={[]}
            suppressed={report.handling.some((row) => row.cases === SUPPRESSED || row.doneWithinFiveWorkingDays === SUPPRESSED)}
          />
        </>
      }
      table={
        <table className="report-data">
          <caption id={`${id}-caption`}>
            <span>{t('reports.handling.caption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.handling.service')}</th>
              <th scope="col">{t('reports.handling.cases')}</th>
              <th scope="col">{t('reports.handling.firstAction')}</th>
              <th scope="col">{t('reports.handling.done')}</th>
              <th scope="col">{t('reports.handling.withinFive')}</th>
            </tr>
          </thead>
          <tbody>
            {report.handling.map((row) => (
              <tr key={row.service}>
                <th scope="row">{label(row.service)}</th>
                <Cell value={row.cases} />
                <td>{days(row.medianDaysToFirstAction)}</td>
                <td>{days(row.medianDaysToDone)}</td>
                {row.doneWithinFiveWorkingDays === null ? (
                  <td>–</td>
                ) : row.doneWithinFiveWorkingDays === SUPPRESSED ? (
                  <Cell value={SUPPRESSED} />
                ) : (
                  <td>{formatShare(row.doneWithinFiveWorkingDays)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function MeasuresSection({ report }: { report: Report }) {
  const id = 'report-measures';
  const average = (value: number | null) => (value === null ? '–' : formatDecimal(value));
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('reports.measures.heading')}</h2>
      <p id={`${id}-summary`} className="report-summary">
        {measuresSummary(report.measures, measureName)}
      </p>
      <div className="report-measures">
        {report.measures.map((row) => {
          const chartId = `${id}-${row.measure}`;
          const name = measureName(row.measure);
          const chartRows: ChartRow[] = row.distribution.map((cell, i) => ({
            label: String(i + 1),
            bars: [
              {
                value: cell,
                text: formatCount(cell),
                title: `${name}, ${t('reports.measures.score', { score: i + 1 })}: ${formatCount(cell)}`,
              },
            ],
          }));
          return (
            <figure key={row.measure} className="report-figure report-figure--measure">
              <figcaption id={`${chartId}-summary`} className="report-summary">
                {t('reports.measures.chart', {
                  label: name,
                  average: average(row.average),
                  n: formatCount(row.n),
                  before: average(row.averageYearBefore),
                })}
              </figcaption>
              <BarChart
                id={chartId}
                rows={chartRows}
                inlineLabels
                scale={scaleFor(row.distribution)}
                labelledBy={`${chartId}-summary`}
                tickText={(n) => formatCount(n)}
              />
            </figure>
          );
        })}
      </div>
      <ChartLegend series={[]} suppressed={report.measures.some((row) => row.distribution.includes(SUPPRESSED))} />
      <TableToggle id={id} captionId={`${id}-caption`}>
        <table className="report-data">
          <caption id={`${id}-caption`}>
            <span>{t('reports.measures.caption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.measures.measure')}</th>
              <th scope="col">{t('reports.measures.n')}</th>
              <th scope="col">{t('reports.measures.average')}</th>
              <th scope="col">{t('reports.measures.yearBefore')}</th>
              {[1, 2, 3, 4, 5].map((score) => (
                <th key={score} scope="col">
                  {t('reports.measures.score', { score })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.measures.map((row) => (
              <tr key={row.measure}>
                <th scope="row">{measureName(row.measure)}</th>
                <Cell value={row.n} />
                <td>{average(row.average)}</td>
                <td>{average(row.averageYearBefore)}</td>
                {row.distribution.map((cell, i) => (
                  <Cell key={i} value={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </section>
  );
}

/** The choices: municipality (among the member's) and the period's first and last month. Applied with a button. */
function ReportFilters({
  query,
  municipalities,
  names,
}: {
  query: ReportQuery;
  municipalities: readonly string[];
  names: Record<string, string>;
}) {
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const found = periodProblems(value('from'), value('to'));
    setProblems(found);
    if (found.from || found.to) {
      event.currentTarget.querySelector<HTMLInputElement>(found.from ? '#report-from' : '#report-to')?.focus();
      return;
    }
    const municipality = value('municipality');
    navigate(`${REPORTS_PATH}?${reportSearch({ ...(municipality ? { municipality } : {}), from: value('from'), to: value('to') })}`);
  }

  const month = (name: 'from' | 'to', label: string) => {
    const problem = problems[name];
    const fieldId = `report-${name}`;
    return (
      <div className={`staff-field${problem ? ' staff-field--error' : ''}`}>
        <label htmlFor={fieldId}>{label}</label>
        <p id={`${fieldId}-hint`} className="hint">
          {t('reports.monthHint')}
        </p>
        {problem ? (
          <p id={`${fieldId}-error`} className="staff-field__error">
            <span className="visually-hidden">{t('app.error')} </span>
            {t(problem === 'badOrder' ? 'reports.badOrder' : 'reports.badMonth')}
          </p>
        ) : null}
        <input
          id={fieldId}
          name={name}
          type="month"
          defaultValue={query[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
        />
      </div>
    );
  };

  return (
    <form key={reportSearch(query)} className="staff-filters report-filters" noValidate onSubmit={submit}>
      <fieldset>
        <legend>{t('reports.filters')}</legend>
        <div className="staff-filters__grid">
          <div className="staff-field">
            <label htmlFor="report-municipality">{t('reports.municipality')}</label>
            <select id="report-municipality" name="municipality" defaultValue={query.municipality ?? ''}>
              {municipalities.length > 1 ? <option value="">{t('reports.allMunicipalities')}</option> : null}
              {municipalities.map((m) => (
                <option key={m} value={m}>
                  {names[m] ?? m}
                </option>
              ))}
            </select>
          </div>
          {month('from', t('reports.from'))}
          {month('to', t('reports.to'))}
        </div>
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </fieldset>
    </form>
  );
}

/**
 * `/staff/reports`: the follow-up report of the member's municipalities (issue 14). Counts per service, language
 * and municipality, handling times, the feedback's effectiveness measures and the trend, each as a sentence, a
 * chart and a table; printable on A4 for the review document, and downloadable as CSV.
 */
export function ReportsPage({ search, catalog }: { search: string; catalog: StaffCatalog }) {
  const { me, sessionEnded } = useSession();
  const query = reportQueryFromSearch(search, me.municipalities, new Date());
  const apiSearch = reportSearch(query);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetchReport(apiSearch).then(
      (report) => live && setState({ status: 'ready', report }),
      (error: unknown) => {
        if (!live) return;
        if (isSignedOut(error)) sessionEnded();
        else setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [apiSearch, attempt, sessionEnded]);

  const municipalityName = (id: string) => catalog.municipalityNames[id] ?? id;
  const service = (id: string) => formTitle(catalog, id);
  const feedbackService = (id: string) => {
    const key = nameKey(FEEDBACK_SERVICE_NAMES, id);
    return key ? t(key) : service(id);
  };
  const place = query.municipality ? municipalityName(query.municipality) : me.municipalities.map(municipalityName).join(', ');

  return (
    <>
      <StaffHeading>{t('reports.heading')}</StaffHeading>
      <p className="lead">{t('reports.lead')}</p>
      <ReportFilters query={query} municipalities={me.municipalities} names={catalog.municipalityNames} />
      <p className="report-period">{t('reports.period', { from: monthLabel(query.from), to: monthLabel(query.to), place })}</p>
      <div className="report-downloads">
        <h2>{t('reports.downloads')}</h2>
        <ul>
          <li>
            <a href={reportCsvHref(apiSearch, 'csv-fi')} download>
              {t('reports.csvFi')}
            </a>
          </li>
          <li>
            <a href={reportCsvHref(apiSearch, 'csv')} download>
              {t('reports.csv')}
            </a>
          </li>
        </ul>
        <p className="hint">{t('reports.print')}</p>
      </div>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'ready' ? (
        <div className="report-sections">
          <RowsSection kind="byService" report={state.report} label={service} />
          <RowsSection kind="byLanguage" report={state.report} label={languageName} />
          {state.report.municipality === null ? <RowsSection kind="byMunicipality" report={state.report} label={municipalityName} /> : null}
          <HandlingSection report={state.report} label={service} />
          <TrendSection report={state.report} />
          <MeasuresSection report={state.report} />
          <RowsSection kind="feedbackByService" report={state.report} label={feedbackService} />
        </div>
      ) : null}
    </>
  );
}
