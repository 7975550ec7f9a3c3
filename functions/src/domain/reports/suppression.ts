import { SUPPRESS_BELOW, type ReportCell } from '../../../../schemas/src/report-contract.js';

/**
 * Small-number suppression of a table of counts with its row totals, column totals and grand total (issue 14,
 * "Nobody is exposed"). Pure, so it is tested for any table.
 *
 * - Primary: a count from 1 to 4 (cell or total) is shown as `'<5'`. Zero is shown: it counts nobody.
 * - Secondary: in every row and column (its total included), a single suppressed figure could be recomputed from the
 *   others, so the next smallest figure of that line is suppressed too (a cell rather than a total, a count rather
 *   than a zero), until no line has exactly one.
 * - Then any suppressed figure the published ones still determine through the row and column sums together (linear
 *   algebra, not only one line at a time) gets a further figure of its row suppressed, until none is determined.
 *
 * `'<5'` then means "not shown": a figure suppressed to protect another may be larger.
 */
export interface SuppressedTable {
  cells: ReportCell[][];
  rowTotals: ReportCell[];
  columnTotals: ReportCell[];
  total: ReportCell;
}

type Pos = readonly [number, number];

/** Figures another table suppressed where it shows the same numbers (a shared total), suppressed here too. */
export interface Forced {
  columnTotals?: ReadonlySet<number>;
  /** `[row, column]` of cells. */
  cells?: readonly Pos[];
}

export function suppressTable(values: readonly (readonly number[])[], columns: number, forced: Forced = {}): SuppressedTable {
  const R = values.length;
  const C = columns;
  // The extended grid: row R holds the column totals, column C the row totals, [R][C] the grand total.
  const grid: number[][] = Array.from({ length: R + 1 }, (_, r) =>
    Array.from({ length: C + 1 }, (_, c) => (r < R && c < C ? values[r]![c]! : 0)),
  );
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      grid[r]![C]! += grid[r]![c]!;
      grid[R]![c]! += grid[r]![c]!;
      grid[R]![C]! += grid[r]![c]!;
    }
  const hidden = grid.map((row) => row.map((v) => v > 0 && v < SUPPRESS_BELOW));
  for (const c of forced.columnTotals ?? []) if (c < C) hidden[R]![c] = true;
  for (const [r, c] of forced.cells ?? []) if (r < R && c < C) hidden[r]![c] = true;

  const lines: Pos[][] = [
    ...Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c): Pos => [r, c])),
    ...Array.from({ length: C + 1 }, (_, c) => Array.from({ length: R + 1 }, (_, r): Pos => [r, c])),
  ];
  const isHidden = ([r, c]: Pos) => hidden[r]![c]!;
  const hiddenInRow = (r: number) => hidden[r]!.filter(Boolean).length;
  const hiddenInColumn = (c: number) => hidden.filter((row) => row[c]).length;
  // Which figure of a line to suppress next: cells before totals; then one whose crossing line has one hidden figure
  // already (hiding it protects that line too), then one whose crossing line has more (it stays protected), then the
  // rest; counts before zeros; the smallest first.
  const rank = ([r, c]: Pos, alongRow: boolean) => {
    const crossing = alongRow ? hiddenInColumn(c) : hiddenInRow(r);
    return [r === R || c === C ? 1 : 0, crossing === 1 ? 0 : crossing > 1 ? 1 : 2, grid[r]![c] === 0 ? 1 : 0, grid[r]![c]!];
  };
  const hideNextIn = (line: Pos[]): boolean => {
    const alongRow = line.length > 1 && line[0]![0] === line[1]![0];
    const ranked = line.filter((p) => !isHidden(p)).map((p) => ({ p, k: rank(p, alongRow) }));
    ranked.sort((a, b) => a.k.reduce((d, x, i) => d || x - b.k[i]!, 0));
    const next = ranked[0]?.p;
    if (!next) return false;
    hidden[next[0]]![next[1]] = true;
    return true;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) if (line.filter(isHidden).length === 1 && hideNextIn(line)) changed = true;
    }
    const exposed = firstDetermined(grid, hidden, lines);
    if (!exposed) break;
    // Widen the protection around the exposed figure: one more figure of its row (or its column, if the row has none).
    const row = lines[exposed[0]]!;
    const column = lines[R + 1 + exposed[1]]!;
    if (!hideNextIn(row) && !hideNextIn(column)) break;
  }

  const shown = (r: number, c: number): ReportCell => (hidden[r]![c] ? '<5' : grid[r]![c]!);
  return {
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: R }, (_, r) => shown(r, C)),
    columnTotals: Array.from({ length: C }, (_, c) => shown(R, c)),
    total: shown(R, C),
  };
}

/** A row of counts and its total, suppressed as a table of one row; the cells and the total. */
export function suppressRow(values: readonly number[]): { cells: ReportCell[]; total: ReportCell } {
  const t = suppressTable([values], values.length);
  return { cells: t.cells[0]!, total: t.rowTotals[0]! };
}

/**
 * The first suppressed figure that the published figures and the line sums determine, if any: figure i is
 * determined when the unit vector e_i lies in the row space of the sums' coefficients over the suppressed figures.
 */
function firstDetermined(grid: number[][], hidden: boolean[][], lines: Pos[][]): Pos | undefined {
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const unknowns: Pos[] = [];
  const index = new Map<string, number>();
  hidden.forEach((row, r) =>
    row.forEach((h, c) => {
      if (h) {
        index.set(`${r},${c}`, unknowns.length);
        unknowns.push([r, c]);
      }
    }),
  );
  if (unknowns.length === 0) return undefined;
  // Each line: its cells sum to its total, i.e. the cells with +1 and the total with -1 sum to 0.
  const equations = lines.map((line) => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const [r, c] of line) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) row[i] = r === R || c === C ? -1 : 1;
    }
    return row;
  });
  const basis = rowEchelon(equations);
  const rank = basis.length;
  for (let i = 0; i < unknowns.length; i++) {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[i] = 1;
    if (rowEchelon([...basis, unit]).length === rank) return unknowns[i];
  }
  return undefined;
}

/** The nonzero rows of a row echelon form of `rows` (Gaussian elimination; the entries stay small integers' ratios). */
function rowEchelon(rows: number[][]): number[][] {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let pivotRow = 0;
  for (let col = 0; col < width && pivotRow < m.length; col++) {
    const p = m.findIndex((r, i) => i >= pivotRow && Math.abs(r[col]!) > 1e-9);
    if (p < 0) continue;
    [m[pivotRow], m[p]] = [m[p]!, m[pivotRow]!];
    const pivot = m[pivotRow]!;
    for (let i = 0; i < m.length; i++) {
      if (i === pivotRow) continue;
      const f = m[i]![col]! / pivot[col]!;
      if (f !== 0) m[i] = m[i]!.map((v, j) => v - f * pivot[j]!);
    }
    pivotRow++;
  }
  return m.slice(0, pivotRow);
}

/**
 * The answers per score 1–5 of one measure, shown with their number `n` and average: the average adds a second sum
 * (of the scores), so one or two suppressed counts could be solved from the two; at least three are suppressed
 * whenever any is (the smallest counts next), so no single count follows from `n` and the average.
 */
export function suppressDistribution(counts: readonly number[]): { cells: ReportCell[]; n: ReportCell } {
  const row = suppressRow(counts);
  const hidden = row.cells.map((c) => c === '<5');
  const count = () => hidden.filter(Boolean).length;
  if (count() > 0)
    while (count() < Math.min(3, counts.length)) {
      const next = counts
        .map((v, i) => ({ v, i }))
        .filter(({ i }) => !hidden[i])
        .sort((a, b) => (a.v === 0 ? 1 : 0) - (b.v === 0 ? 1 : 0) || a.v - b.v)[0]!;
      hidden[next.i] = true;
    }
  return { cells: counts.map((v, i) => (hidden[i] ? '<5' : v)), n: row.total };
}
