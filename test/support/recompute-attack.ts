/**
 * The attacker of the suppression tests: given what a report publishes (counts, `'<5'`, and sums they obey), which
 * suppressed figures can be worked out exactly? A figure is determined when its unit vector is a linear combination
 * of the published equations restricted to the suppressed figures (written here, apart from the code under test).
 */
export type Shown = number | '<5';

/** One published equation: Σ coefficient × figure = constant, over named figures. */
export interface Equation {
  terms: { figure: string; coefficient: number }[];
}

function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let p = -1;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) p = p < 0 ? i : p;
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < width; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/** The suppressed figures (by name) that the equations determine, given which figures are suppressed. */
export function recomputable(hidden: readonly string[], equations: readonly Equation[]): string[] {
  const column = new Map(hidden.map((h, i) => [h, i]));
  const rows = equations.map((e) => {
    const row = new Array<number>(hidden.length).fill(0);
    for (const t of e.terms) {
      const i = column.get(t.figure);
      if (i !== undefined) row[i]! += t.coefficient;
    }
    return row;
  });
  const base = rank(rows);
  return hidden.filter((_, i) => {
    const unit = new Array<number>(hidden.length).fill(0);
    unit[i] = 1;
    return rank([...rows, unit]) === base;
  });
}

/**
 * A table as published, with named figures: `cells[r][c]`, row totals, and column totals (which another part of the
 * report may be what publishes); returns the equations "cells of a row = its total", "cells of a column = its total".
 */
export function tableEquations(name: string, rows: number, columns: number): Equation[] {
  const cell = (r: number, c: number) => `${name}[${r}][${c}]`;
  const eqs: Equation[] = [];
  for (let r = 0; r < rows; r++)
    eqs.push({
      terms: [
        ...Array.from({ length: columns }, (_, c) => ({ figure: cell(r, c), coefficient: 1 })),
        { figure: `${name}.rowTotal[${r}]`, coefficient: -1 },
      ],
    });
  for (let c = 0; c < columns; c++)
    eqs.push({
      terms: [
        ...Array.from({ length: rows }, (_, r) => ({ figure: cell(r, c), coefficient: 1 })),
        { figure: `${name}.columnTotal[${c}]`, coefficient: -1 },
      ],
    });
  return eqs;
}

/** The suppressed figures of a published table (cells, row totals, column totals) by the names `tableEquations` uses. */
export function hiddenFigures(name: string, cells: Shown[][], rowTotals: Shown[], columnTotals: Shown[]): string[] {
  return [
    ...cells.flatMap((row, r) => row.flatMap((v, c) => (v === '<5' ? [`${name}[${r}][${c}]`] : []))),
    ...rowTotals.flatMap((v, r) => (v === '<5' ? [`${name}.rowTotal[${r}]`] : [])),
    ...columnTotals.flatMap((v, c) => (v === '<5' ? [`${name}.columnTotal[${c}]`] : [])),
  ];
}

/** The suppressed figures of a published table the attacker can work out from its row and column sums. */
export function attackTable(cells: Shown[][], rowTotals: Shown[], columnTotals: Shown[]): string[] {
  const columns = columnTotals.length;
  return recomputable(hiddenFigures('t', cells, rowTotals, columnTotals), tableEquations('t', cells.length, columns));
}
