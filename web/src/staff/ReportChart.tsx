import { useState, type ReactNode } from 'react';
import type { ReportCell } from '../../../schemas/src/report-contract.js';
import { barFraction, SUPPRESSED, type Scale } from './report-charts.js';
import { t } from './texts.js';

// The reports page's charts: plain SVG drawn here, no chart library. Horizontal bars, so long Finnish labels and
// twelve months fit a 360 px phone. Positions across are percentages, so a chart fills any width (and an A4 page)
// without scaling its text. A chart is one image (role="img", named by its summary sentence); its numbers are in
// the table beside it. A suppressed cell gets a hatched placeholder of one fixed width and the text "<5": its
// length never depends on the value it hides.

export interface ChartBar {
  value: ReportCell | null;
  /** The value as written beside the bar ("214", "38 %", "<5", "–"). */
  text: string;
  /** The bar's tooltip: what it is and its value. */
  title: string;
}

export interface ChartRow {
  label: string;
  /** One bar per series, in the order of the chart's `series`. */
  bars: ChartBar[];
}

interface Props {
  /** Prefix of the chart's ids (its hatch pattern). */
  id: string;
  rows: ChartRow[];
  scale: Scale;
  /** The id of the sentence that names the chart. */
  labelledBy: string;
  /** Short labels (months, scores) in a column beside the bars; otherwise each label sits above its bars. */
  inlineLabels?: boolean;
  tickText: (tick: number) => string;
}

const BAR = 16;
const BAR_GAP = 3;
const ROW_GAP = 12;
const LABEL = 20;
const AXIS = 24;
const TOP = 4;
/** The placeholder of a suppressed cell: the same width whatever it hides. */
export const PLACEHOLDER_WIDTH = 28;

export function BarChart({ id, rows, scale, labelledBy, inlineLabels = false, tickText }: Props) {
  const series = rows[0]?.bars.length ?? 1;
  const start = inlineLabels ? 20 : 0;
  const end = 80;
  const across = (fraction: number) => `${start + fraction * (end - start)}%`;
  const rowHeight = (inlineLabels ? 0 : LABEL) + series * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP;
  const axisY = TOP + rows.length * rowHeight;
  const height = axisY + AXIS;
  const hatch = `${id}-hatch`;

  return (
    <svg className="report-chart" role="img" aria-labelledby={labelledBy} width="100%" height={height}>
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" className="report-chart__hatch" strokeWidth="2.5" />
        </pattern>
      </defs>
      {scale.ticks.map((tick) => (
        <g key={tick} className="report-chart__tick">
          <line x1={across(tick / scale.max)} x2={across(tick / scale.max)} y1={TOP} y2={axisY} />
          <text x={across(tick / scale.max)} y={axisY + 17} textAnchor={tick === 0 && !inlineLabels ? 'start' : 'middle'}>
            {tickText(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const top = TOP + r * rowHeight;
        const barsTop = top + (inlineLabels ? 0 : LABEL);
        return (
          <g key={r}>
            <text className="report-chart__label" x="0" y={inlineLabels ? barsTop + BAR - 3 : top + LABEL - 6}>
              {row.label}
            </text>
            {row.bars.map((bar, s) => {
              const y = barsTop + s * (BAR + BAR_GAP);
              const fraction = barFraction(bar.value, scale);
              return (
                <g key={s} className={`report-bar report-bar--s${s}${bar.value === SUPPRESSED ? ' report-bar--suppressed' : ''}`}>
                  <title>{bar.title}</title>
                  {bar.value === SUPPRESSED ? (
                    <rect
                      className="report-bar__placeholder"
                      x={across(0)}
                      y={y}
                      width={PLACEHOLDER_WIDTH}
                      height={BAR}
                      fill={`url(#${hatch})`}
                    />
                  ) : fraction !== null ? (
                    <rect x={across(0)} y={y} width={`${fraction * (end - start)}%`} height={BAR} />
                  ) : null}
                  <text className="report-chart__value" x="82%" y={y + BAR - 3}>
                    {bar.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The series' names and colours, and what a hatched bar means. */
export function ChartLegend({ series, suppressed }: { series: string[]; suppressed: boolean }) {
  if (series.length < 2 && !suppressed) return null;
  return (
    <ul className="report-legend">
      {series.length > 1
        ? series.map((name, s) => (
            <li key={name}>
              <span className={`report-legend__swatch report-legend__swatch--s${s}`} aria-hidden="true" />
              {name}
            </li>
          ))
        : null}
      {suppressed ? (
        <li>
          <span className="report-legend__swatch report-legend__swatch--suppressed" aria-hidden="true" />
          {t('reports.legendSuppressed')}
        </li>
      ) : null}
    </ul>
  );
}

/** "Näytä taulukkona": a real button that shows the table of a chart's figures (always shown in print). */
export function TableToggle({ id, captionId, children }: { id: string; captionId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panel = `${id}-table`;
  return (
    <div className="report-table">
      <button
        type="button"
        className="button button--secondary report-table__toggle"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((o) => !o)}
      >
        {t('reports.showTable')}
      </button>
      <div id={panel} className="report-table__panel" hidden={!open}>
        {/* A wide table scrolls on its own, not the page; the region can take focus to scroll by keyboard. */}
        <div className="report-table__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          {children}
        </div>
      </div>
    </div>
  );
}
