import { describe, expect, it } from 'vitest';
import { suppressDistribution, suppressRow, suppressTable } from '../../functions/src/domain/reports/suppression.js';
import { fiveDayShare } from '../../functions/src/domain/reports/build-report.js';
import { attackTable, recomputable } from '../support/recompute-attack.js';
import { prng } from '../support/report-year.js';

const sumRows = (values: number[][]) => values.map((r) => r.reduce((a, b) => a + b, 0));
const sumColumns = (values: number[][], columns: number) =>
  Array.from({ length: columns }, (_, c) => values.reduce((a, r) => a + r[c]!, 0));

/** Every figure shown is the true one; every true count from 1 to 4 is hidden. */
function expectHonest(values: number[][], columns: number, t: ReturnType<typeof suppressTable>) {
  const check = (shown: number | '<5', truth: number) => {
    if (truth > 0 && truth < 5) expect(shown).toBe('<5');
    else if (shown !== '<5') expect(shown).toBe(truth);
  };
  values.forEach((row, r) => row.forEach((v, c) => check(t.cells[r]![c]!, v)));
  sumRows(values).forEach((v, r) => check(t.rowTotals[r]!, v));
  sumColumns(values, columns).forEach((v, c) => check(t.columnTotals[c]!, v));
}

describe('primary suppression', () => {
  it('hides counts from 1 to 4 and shows zero and counts of 5 or more', () => {
    const t = suppressTable([[0, 5, 12, 7]], 4);
    expect(t.cells[0]).toEqual([0, 5, 12, 7]);
    expect(t.rowTotals[0]).toBe(24);
    const small = suppressRow([4, 1, 0, 9, 30]);
    expect(small.cells[0]).toBe('<5');
    expect(small.cells[1]).toBe('<5');
    expect(small.cells[2]).toBe(0);
    expect(small.total).toBe(44);
  });

  it('hides a total under 5, and then whatever would give it away', () => {
    const t = suppressTable(
      [
        [1, 2],
        [10, 12],
      ],
      2,
    );
    expect(t.rowTotals[0]).toBe('<5');
    expect(t.cells[0]).toEqual(['<5', '<5']);
    // The columns each have one hidden cell: the cells below them go too, and the table is safe.
    expect(t.cells[1]).toEqual(['<5', '<5']);
    expect(attackTable(t.cells, t.rowTotals, t.columnTotals)).toEqual([]);
  });
});

describe('secondary suppression', () => {
  it('hides the next smallest cell of a row that has one hidden, so the row total does not give it away', () => {
    const t = suppressRow([3, 40, 8, 20]);
    expect(t.cells).toEqual(['<5', 40, '<5', 20]);
    expect(t.total).toBe(71);
  });

  it('hides cells in the columns too, so the column totals do not give them away', () => {
    const values = [
      [3, 40, 8],
      [20, 30, 25],
      [15, 9, 33],
    ];
    const t = suppressTable(values, 3);
    expectHonest(values, 3, t);
    // Row 0 hides 3 and 8; their columns then each need a second hidden cell, best in one row (a rectangle).
    expect(t.cells[0]).toEqual(['<5', 40, '<5']);
    expect(t.cells.filter((r) => r[0] === '<5')).toHaveLength(2);
    expect(t.cells.filter((r) => r[2] === '<5')).toHaveLength(2);
    expect(attackTable(t.cells, t.rowTotals, t.columnTotals)).toEqual([]);
  });

  it('resists the recompute attack: without secondary suppression the attack works, with it nothing is found', () => {
    // The naive table (primary only) gives the 3 away through its row total.
    expect(
      recomputable(
        ['t[0][0]'],
        [
          {
            terms: [
              { figure: 't[0][0]', coefficient: 1 },
              { figure: 't[0][1]', coefficient: 1 },
              { figure: 't.rowTotal[0]', coefficient: -1 },
            ],
          },
        ],
      ),
    ).toEqual(['t[0][0]']);
    const t = suppressTable([[3, 40]], 2);
    expect(attackTable(t.cells, t.rowTotals, t.columnTotals)).toEqual([]);
  });

  it('a column total another table hides is hidden here too, with a cell of its column so it cannot be summed up', () => {
    const values = [
      [10, 20],
      [30, 40],
    ];
    const t = suppressTable(values, 2, { columnTotals: new Set([1]) });
    expect(t.columnTotals[1]).toBe('<5');
    expect(attackTable(t.cells, t.rowTotals, t.columnTotals)).toEqual([]);
    expectHonest(values, 2, t);
  });

  it('random tables of small counts (language × month shapes): honest, and no hidden figure can be recomputed', () => {
    const rand = prng(7);
    for (let round = 0; round < 60; round++) {
      const rows = 1 + Math.floor(rand() * 10);
      const columns = 1 + Math.floor(rand() * 12);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => (rand() < 0.5 ? Math.floor(rand() * 5) : Math.floor(rand() * 40))),
      );
      const t = suppressTable(values, columns);
      expectHonest(values, columns, t);
      expect(attackTable(t.cells, t.rowTotals, t.columnTotals)).toEqual([]);
    }
  });
});

describe('distributions with an average', () => {
  const attack = (cells: (number | '<5')[], n: number, weighted: number) => {
    const hidden = cells.flatMap((c, i) => (c === '<5' ? [`s${i + 1}`] : []));
    const terms = (w: (i: number) => number) => cells.map((_, i) => ({ figure: `s${i + 1}`, coefficient: w(i) }));
    // n and the average (n × average = the sum of the scores) are both published.
    void weighted;
    return recomputable(hidden, [{ terms: terms(() => 1) }, { terms: terms((i) => i + 1) }]);
  };

  it('hides at least three counts when it hides any, so n and the average do not solve them', () => {
    const counts = [0, 2, 14, 40, 41];
    const d = suppressDistribution(counts);
    expect(d.n).toBe(97);
    expect(d.cells.filter((c) => c === '<5').length).toBeGreaterThanOrEqual(3);
    expect(d.cells[1]).toBe('<5');
    expect(attack(d.cells, 97, 2 * 2 + 3 * 14 + 4 * 40 + 5 * 41)).toEqual([]);
  });

  it('shows a distribution with no small count as it is', () => {
    expect(suppressDistribution([5, 6, 20, 30, 40])).toEqual({ cells: [5, 6, 20, 30, 40], n: 101 });
  });

  it('hides n when n is under 5', () => {
    expect(suppressDistribution([0, 0, 1, 2, 0]).n).toBe('<5');
  });
});

describe('the five-day share', () => {
  it('is hidden when those done within five working days, or the others, are 1–4 people', () => {
    expect(fiveDayShare(18, 40)).toBe(0.45);
    expect(fiveDayShare(0, 40)).toBe(0);
    expect(fiveDayShare(40, 40)).toBe(1);
    expect(fiveDayShare(5, 10)).toBe(0.5);
    // With the cases shown, 0.1 of 40 would say that 4 were done in time, 0.925 that 3 were not.
    expect(fiveDayShare(4, 40)).toBe('<5');
    expect(fiveDayShare(1, 40)).toBe('<5');
    expect(fiveDayShare(37, 40)).toBe('<5');
    expect(fiveDayShare(39, 40)).toBe('<5');
  });
});
