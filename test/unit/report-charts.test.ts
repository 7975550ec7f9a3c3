import { describe, expect, it } from 'vitest';
import type { HandlingRow, MeasureRow, MonthRow } from '../../schemas/src/report-contract.js';
import {
  addMonths,
  barFraction,
  defaultPeriod,
  formatCount,
  formatDecimal,
  formatShare,
  handlingSummary,
  measuresSummary,
  monthLabel,
  niceScale,
  rowsSummary,
  scaleFor,
  trendSummary,
} from '../../web/src/staff/report-charts.js';
import { periodProblems, reportQueryFromSearch, reportSearch } from '../../web/src/staff/report-query.js';
import { reportFixture } from '../support/report-fixture.js';

const NBSP = '\u00a0';
const names: Record<string, string> = { guidance: 'Ohjaus ja neuvonta', registration: 'Rekisteröityminen', hobby: 'Harrastukset' };
const label = (key: string) => names[key] ?? key;
const row = (key: string, total: MonthRow['total']): MonthRow => ({ key, months: [total], total });

describe('the report numbers, in Finnish', () => {
  it('write counts, decimals, shares and months as Finnish staff read them; "<5" stays "<5"', () => {
    expect(formatCount(214)).toBe('214');
    expect(formatCount(12345)).toBe('12345');
    expect(formatCount('<5')).toBe('<5');
    expect(formatDecimal(4.256)).toBe('4,26');
    expect(formatDecimal(3.5, 1)).toBe('3,5');
    expect(formatDecimal(2)).toBe('2');
    expect(formatShare(0.381)).toBe(`38${NBSP}%`);
    expect(formatShare(1)).toBe(`100${NBSP}%`);
    expect(monthLabel('2026-01')).toBe('1/2026');
    expect(monthLabel('2025-12')).toBe('12/2025');
  });

  it('default to the last twelve full months in Helsinki time, across a new year', () => {
    expect(defaultPeriod(new Date('2026-12-02T01:00:00Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod(new Date('2026-01-15T12:00:00Z'))).toEqual({ from: '2025-01', to: '2025-12' });
    // 31 December 22:30 UTC is already 1 January in Helsinki: December is then a full month.
    expect(defaultPeriod(new Date('2026-12-31T22:30:00Z'))).toEqual({ from: '2026-01', to: '2026-12' });
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });
});

describe('the chart scale', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten, with 3–5 ticks from 0', () => {
    expect(niceScale(214)).toEqual({ max: 300, ticks: [0, 100, 200, 300] });
    expect(niceScale(38)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(1000)).toEqual({ max: 1000, ticks: [0, 500, 1000] });
    expect(niceScale(9)).toEqual({ max: 10, ticks: [0, 5, 10] });
    for (const largest of [3, 9, 11, 57, 99, 101, 999, 4321]) {
      const { max, ticks } = niceScale(largest);
      expect(max).toBeGreaterThanOrEqual(largest);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBe(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(5);
    }
  });

  it('has an axis even with nothing to show', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(scaleFor(['<5', '<5'])).toEqual({ max: 1, ticks: [0, 1] });
    expect(scaleFor([])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('sizes a bar by its value; a suppressed or missing value gets no length at all', () => {
    const scale = scaleFor([214, '<5', 96, null]);
    expect(scale.max).toBe(300);
    expect(barFraction(214, scale)).toBeCloseTo(0.7133);
    expect(barFraction(0, scale)).toBe(0);
    expect(barFraction('<5', scale)).toBeNull();
    expect(barFraction(null, scale)).toBeNull();
  });

  it('never lets a suppressed cell move the axis', () => {
    expect(scaleFor([3, '<5'])).toEqual(scaleFor([3]));
    expect(scaleFor(['<5', 12])).toEqual(niceScale(12));
  });
});

describe('the summary sentences', () => {
  it('name the row with the most, its count and its share of the known totals', () => {
    const rows = [row('guidance', 214), row('registration', 150), row('hobby', 199)];
    expect(rowsSummary('byService', rows, label)).toBe(`Ohjaus ja neuvonta sai eniten yhteydenottoja: 214 (38${NBSP}%).`);
    expect(rowsSummary('byLanguage', [row('ar', 30), row('uk', 10)], (k) => ({ ar: 'arabia', uk: 'ukraina' })[k]!)).toBe(
      `Yleisin asiointikieli oli arabia: 30 lomaketta (75${NBSP}%).`,
    );
    expect(rowsSummary('byMunicipality', [row('heinola', 3), row('orimattila', 1)], (k) => k)).toBe(
      `heinola sai eniten lomakkeita: 3 (75${NBSP}%).`,
    );
    expect(rowsSummary('feedbackByService', [row('guidance', 8)], label)).toBe(
      `Eniten palautetta sai Ohjaus ja neuvonta: 8 (100${NBSP}%).`,
    );
  });

  it('leave suppressed totals out of both figures, and never name one', () => {
    expect(rowsSummary('byService', [row('hobby', '<5'), row('guidance', 20), row('registration', 5)], label)).toBe(
      `Ohjaus ja neuvonta sai eniten yhteydenottoja: 20 (80${NBSP}%).`,
    );
    expect(rowsSummary('byService', [row('hobby', '<5'), row('guidance', '<5')], label)).toBe(
      'Kaikki määrät ovat alle viisi, joten niitä ei näytetä.',
    );
  });

  it('say so when the period has nothing', () => {
    expect(rowsSummary('byService', [], label)).toBe('Jaksolla ei ole yhtään lomaketta.');
    expect(rowsSummary('byService', [row('guidance', 0)], label)).toBe('Jaksolla ei ole yhtään lomaketta.');
  });

  it('compare the period with the same months a year before, up, down, level or new', () => {
    expect(trendSummary({ months: [60, 50], yearBefore: [50, 50] })).toBe(
      `Jaksolla saapui 110 lomaketta, 10${NBSP}% enemmän kuin samoina kuukausina vuotta aiemmin (100).`,
    );
    expect(trendSummary({ months: [30, 45], yearBefore: [50, 50] })).toBe(
      `Jaksolla saapui 75 lomaketta, 25${NBSP}% vähemmän kuin samoina kuukausina vuotta aiemmin (100).`,
    );
    expect(trendSummary({ months: [7], yearBefore: [7] })).toBe(
      'Jaksolla saapui 7 lomaketta, yhtä paljon kuin samoina kuukausina vuotta aiemmin.',
    );
    expect(trendSummary({ months: [12], yearBefore: [0] })).toBe('Jaksolla saapui 12 lomaketta; vuotta aiemmin lomakkeita ei ollut.');
  });

  it('say when months under five are left out of the trend sums', () => {
    expect(trendSummary({ months: [20, '<5'], yearBefore: [10, 10] })).toBe(
      'Jaksolla saapui 20 lomaketta, yhtä paljon kuin samoina kuukausina vuotta aiemmin. Alle viiden kuukausimäärät eivät ole mukana summissa.',
    );
  });

  it('give the handling times of the service with the most cases', () => {
    const rows: HandlingRow[] = [
      { service: 'registration', cases: 96, medianDaysToFirstAction: 2, medianDaysToDone: 6, doneWithinFiveWorkingDays: 0.42 },
      { service: 'guidance', cases: 214, medianDaysToFirstAction: 1, medianDaysToDone: 3.5, doneWithinFiveWorkingDays: 0.806 },
      { service: 'hobby', cases: '<5', medianDaysToFirstAction: null, medianDaysToDone: null, doneWithinFiveWorkingDays: null },
    ];
    expect(handlingSummary(rows, label)).toBe(
      `Ohjaus ja neuvonta: ensimmäiseen toimenpiteeseen kului mediaanina 1 pv ja valmiiksi 3,5 pv; viidessä arkipäivässä käsiteltiin 81${NBSP}%.`,
    );
    expect(handlingSummary([rows[2]!], label)).toBe('Käsittelyajoista ei ole vielä tietoja tältä jaksolta.');
    expect(handlingSummary([{ ...rows[0]!, medianDaysToDone: null }], label)).toContain('valmiiksi – pv');
    // A share hidden because 1–4 people were (or were not) done in time is said to be hidden, never as "<5 %".
    expect(handlingSummary([{ ...rows[1]!, doneWithinFiveWorkingDays: '<5' }], label)).toBe(
      'Ohjaus ja neuvonta: ensimmäiseen toimenpiteeseen kului mediaanina 1 pv ja valmiiksi 3,5 pv; viidessä arkipäivässä käsiteltyjen osuutta ei näytetä, koska sen takana on alle viisi ihmistä.',
    );
  });

  it('name the highest and the lowest measure with their n, skipping suppressed ones', () => {
    const m = (measure: MeasureRow['measure'], n: MeasureRow['n'], average: number | null): MeasureRow => ({
      measure,
      n,
      average,
      distribution: [1, 1, 1, 1, 1],
      averageYearBefore: null,
    });
    const measureLabel = (key: string) => ({ ratingOverall: 'Tyytyväisyys palveluun', ratingAccess: 'Palvelun saatavuus' })[key] ?? key;
    expect(
      measuresSummary([m('ratingOverall', 57, 4.21), m('ratingAccess', 40, 3.8), m('ratingInclusion', '<5', null)], measureLabel),
    ).toBe('Korkein keskiarvo oli mittarilla Tyytyväisyys palveluun: 4,21 (n = 57); matalin mittarilla Palvelun saatavuus: 3,8 (n = 40).');
    expect(measuresSummary([m('ratingOverall', 12, 4)], measureLabel)).toBe('Mittarin Tyytyväisyys palveluun keskiarvo oli 4 (n = 12).');
    expect(measuresSummary([m('ratingInclusion', '<5', null)], measureLabel)).toBe('Palautteita on liian vähän keskiarvojen näyttämiseen.');
  });

  it('are complete sentences for the browser test’s fixture', () => {
    const report = reportFixture({ from: '2025-01', to: '2025-12' });
    expect(report.months).toHaveLength(12);
    for (const sentence of [
      rowsSummary('byService', report.byService, label),
      rowsSummary('byLanguage', report.byLanguage, label),
      trendSummary(report.trend),
      handlingSummary(report.handling, label),
      measuresSummary(report.measures, label),
    ])
      expect(sentence).toMatch(/^\S.*\.$/);
  });
});

describe('the report query', () => {
  const now = new Date('2026-12-02T01:00:00Z');

  it('keeps a chosen town of the member and a valid period', () => {
    expect(reportQueryFromSearch('municipality=heinola&from=2025-03&to=2025-08', ['heinola', 'orimattila'], now)).toEqual({
      municipality: 'heinola',
      from: '2025-03',
      to: '2025-08',
    });
  });

  it('means all the member’s towns (or their only one) for a town not theirs, and the default period for a bad one', () => {
    expect(reportQueryFromSearch('municipality=lahti&from=2025-13&to=2025-08', ['heinola', 'orimattila'], now)).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
    expect(reportQueryFromSearch('municipality=orimattila&from=2025-09&to=2025-08', ['heinola'], now)).toEqual({
      municipality: 'heinola',
      from: '2025-12',
      to: '2026-11',
    });
    expect(reportSearch({ municipality: 'heinola', from: '2025-03', to: '2025-08' })).toBe('municipality=heinola&from=2025-03&to=2025-08');
    expect(reportSearch({ from: '2025-03', to: '2025-08' })).toBe('from=2025-03&to=2025-08');
  });

  it('names what is wrong with a typed period', () => {
    expect(periodProblems('2025-03', '2025-08')).toEqual({});
    expect(periodProblems('2025-3', '')).toEqual({ from: 'badMonth', to: 'badMonth' });
    expect(periodProblems('2025-08', '2025-03')).toEqual({ to: 'badOrder' });
  });
});
