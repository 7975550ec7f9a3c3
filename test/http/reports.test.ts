import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasureRow, MonthRow, Report, ReportCell } from '../../schemas/src/report-contract.js';
import { newReference } from '../../schemas/src/reference.js';
import { countSubmission } from '../../functions/src/domain/reports/count-submission.js';
import { rebuildReports } from '../../functions/src/domain/reports/rebuild-reports.js';
import { changeSubmission } from '../../functions/src/domain/staff/change-submission.js';
import type { Submission } from '../../functions/src/domain/submission.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { runRebuildReports } from '../../functions/src/entry/forms-cli.js';
import { useDynalite } from '../support/dynamo.js';
import { readFinnishCsv, readMachineCsv } from '../support/exports.js';
import { hiddenFigures, recomputable, tableEquations, type Equation } from '../support/recompute-attack.js';
import { reportYear, type GeneratedSubmission } from '../support/report-year.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;
const YEAR = reportYear();
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const STAFF_OF = { heinola: HEINOLA, orimattila: ORIMATTILA } as const;
const PREFIX = { heinola: 'HEI', orimattila: 'ORI' } as const;

// ---- What the report must show, worked out here from the generated list (not through the aggregates) ----

const DAY = 86_400_000;
// Finnish public holidays (and days off) of the years the generated actions fall in, written out by hand.
const HOLIDAYS = new Set([
  ...['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-20'],
  ...['2025-12-06', '2025-12-24', '2025-12-25', '2025-12-26'],
  ...['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-06-19'],
  ...['2026-12-06', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
]);
const helsinkiDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Helsinki' });
const working = (day: string) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) && !HOLIDAYS.has(day);
function fifthWorkingDay(day: string): string {
  let d = new Date(`${day}T12:00:00Z`).getTime();
  for (let left = 5; left > 0;) {
    d += DAY;
    if (working(new Date(d).toISOString().slice(0, 10))) left--;
  }
  return new Date(d).toISOString().slice(0, 10);
}
const days = (from: string, to: string) => Math.min(60, Math.floor((Date.parse(to) - Date.parse(from)) / DAY));
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const MEASURES = ['ratingOverall', 'ratingAccess', 'ratingHelp', 'ratingWelcome', 'ratingInclusion'] as const;

function expected(towns: readonly string[]) {
  const inScope = YEAR.filter((g) => towns.includes(g.municipality));
  const now = inScope.filter((g) => g.submittedAt.startsWith('2026'));
  const before = inScope.filter((g) => g.submittedAt.startsWith('2025'));
  const count = (list: GeneratedSubmission[], key: (g: GeneratedSubmission) => string | undefined) => {
    const out = new Map<string, number[]>();
    for (const g of list) {
      const k = key(g);
      if (k === undefined) continue;
      if (!out.has(k))
        out.set(
          k,
          MONTHS.map(() => 0),
        );
      out.get(k)![Number(g.submittedAt.slice(5, 7)) - 1]!++;
    }
    return out;
  };
  const handling = new Map<string, { cases: number; first: number | null; done: number | null; share: number }>();
  for (const service of new Set(now.filter((g) => g.formId !== 'feedback').map((g) => g.formId))) {
    const cases = now.filter((g) => g.formId === service);
    const firsts = cases.flatMap((g) => (g.actions[0] ? [days(g.submittedAt, g.actions[0].at)] : []));
    const dones = cases.flatMap((g) => {
      const d = g.actions.find((a) => a.status === 'done');
      return d ? [{ days: days(g.submittedAt, d.at), within: helsinkiDay(d.at) <= fifthWorkingDay(helsinkiDay(g.submittedAt)) }] : [];
    });
    handling.set(service, {
      cases: cases.length,
      first: median(firsts),
      done: median(dones.map((d) => d.days)),
      share: round(dones.filter((d) => d.within).length / cases.length, 3),
    });
  }
  const distribution = (list: GeneratedSubmission[], m: string) =>
    [1, 2, 3, 4, 5].map((s) => list.filter((g) => g.formId === 'feedback' && g.answers[m] === s).length);
  const avg = (d: number[]) => {
    const n = d.reduce((a, b) => a + b, 0);
    return n >= 5 ? round(d.reduce((t, c, i) => t + c * (i + 1), 0) / n, 2) : null;
  };
  return {
    byService: count(now, (g) => g.formId),
    byLanguage: count(now, (g) => g.lang),
    byMunicipality: count(now, (g) => g.municipality),
    feedbackByService: count(now, (g) => (g.formId === 'feedback' ? (g.answers['service'] as string) : undefined)),
    trend: count(now, () => 'all').get('all')!,
    yearBefore: count(before, () => 'all').get('all') ?? MONTHS.map(() => 0),
    handling,
    measures: MEASURES.map((m) => ({ measure: m, distribution: distribution(now, m), averageYearBefore: avg(distribution(before, m)) })),
    avg,
  };
}

/** A shown figure is the true one; a true count from 1 to 4 is never shown. */
function expectFigure(shown: ReportCell | number | null, truth: number, what: string) {
  if (truth > 0 && truth < 5) expect(shown, what).toBe('<5');
  else if (shown !== '<5') expect(shown, what).toBe(truth);
}

function expectMonthRows(rows: MonthRow[], truth: Map<string, number[]>, what: string) {
  expect(rows.map((r) => r.key).sort(), what).toEqual([...truth.keys()].sort());
  for (const row of rows) {
    const values = truth.get(row.key)!;
    row.months.forEach((cell, i) => expectFigure(cell, values[i]!, `${what} ${row.key} ${MONTHS[i]}`));
    expectFigure(
      row.total,
      values.reduce((a, b) => a + b, 0),
      `${what} ${row.key} total`,
    );
  }
}

/** The attacker's equations for a month table whose column totals the trend (or another row) publishes. */
function attackMonthRows(name: string, rows: MonthRow[], columnTotals: ReportCell[]): string[] {
  const hidden = hiddenFigures(
    name,
    rows.map((r) => r.months),
    rows.map((r) => r.total),
    columnTotals,
  );
  return recomputable(hidden, tableEquations(name, rows.length, MONTHS.length));
}

function attackMeasure(m: MeasureRow): string[] {
  if (m.n === '<5' || m.average === null) return [];
  const terms = (w: (i: number) => number) => m.distribution.map((_, i) => ({ figure: `s${i + 1}`, coefficient: w(i) }));
  const hidden = m.distribution.flatMap((c, i) => (c === '<5' ? [`s${i + 1}`] : []));
  const equations: Equation[] = [{ terms: terms(() => 1) }, { terms: terms((i) => i + 1) }];
  return recomputable(hidden, equations);
}

// ---- The generated year, written as the app writes it ----

/** Stores a generated submission and counts it as `submitForm` does, then makes its staff changes through `changeSubmission`. */
async function write(t: T, g: GeneratedSubmission): Promise<void> {
  const deps = t.deps.app;
  const s: Submission = {
    reference: newReference(PREFIX[g.municipality], (n) => randomBytes(n)),
    formId: g.formId,
    formVersion: 1,
    municipality: g.municipality,
    lang: g.lang as Submission['lang'],
    answers: g.answers,
    consentVersion: '2026-01',
    submittedAt: g.submittedAt,
    status: 'new',
    version: 1,
    notification: { state: 'sent', attempts: 1 },
    reportKey: nodeCrypto.token(9),
    expiresAt: Math.floor(Date.parse(g.submittedAt) / 1000) + (g.formId === 'registration' ? 730 : 365) * 86_400,
  };
  expect(await deps.store.createSubmission(s)).toBe(true);
  await countSubmission(deps, s);
  let current = s;
  for (const a of g.actions) {
    const at = { now: () => new Date(a.at) };
    current = await changeSubmission({ ...deps, clock: at }, STAFF_OF[g.municipality], current, {
      ...(a.status ? { status: a.status } : {}),
      ...(a.assign ? { assignee: STAFF_OF[g.municipality] } : {}),
      ...(a.note ? { note: a.note } : {}),
      expectedVersion: current.version,
    });
  }
}

/** Every item of a type in the table, all pages of the scan (tests only). */
async function itemsOfType(t: T, type: string) {
  const Items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.table.db.send(
      new ScanCommand({
        TableName: t.table.tableName,
        FilterExpression: '#t = :a',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':a': type },
        ExclusiveStartKey: start,
      }),
    );
    Items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return Items;
}

async function aggregateItems(t: T) {
  const Items = await itemsOfType(t, 'aggregate');
  return Items.map((item): Record<string, unknown> => ({ ...item, counted: [...(item['counted'] as Set<string>)].sort() })).sort((a, b) =>
    `${String(a['pk'])}${String(a['sk'])}`.localeCompare(`${String(b['pk'])}${String(b['sk'])}`),
  );
}

let t: T;
const cookies: Record<string, string> = {};
const get = (who: string, path: string) => staffRequest(t, 'GET', path, { cookie: cookies[who] });
const report = async (who: string, query: string): Promise<Report> => {
  const res = await get(who, `/api/reports?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
};

beforeAll(async () => {
  t = await buildTestApp();
  await seedStaff(t);
  const queue = [...YEAR];
  // A few writers at once: dynalite answers one at a time, but the waits overlap.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let g = queue.shift(); g; g = queue.shift()) await write(t, g);
    }),
  );
  t.clock.current = new Date('2027-01-15T08:00:00Z');
  for (const who of [ADMIN, HEINOLA, ORIMATTILA]) cookies[who] = await signIn(t, who);
}, 900_000);

describe('the report of the generated year', () => {
  it('has a year of about a thousand submissions to count', () => {
    expect(YEAR.length).toBeGreaterThan(600);
    expect(YEAR.length).toBeLessThan(1500);
  });

  for (const town of ['heinola', 'orimattila'] as const)
    it(`shows every figure of ${town} as worked out from the generated list, small ones suppressed`, async () => {
      const r = await report(STAFF_OF[town], `municipality=${town}&from=2026-01&to=2026-12`);
      const truth = expected([town]);
      expect(r.municipality).toBe(town);
      expect(r.months).toEqual(MONTHS);
      expectMonthRows(r.byService, truth.byService, 'byService');
      expectMonthRows(r.byLanguage, truth.byLanguage, 'byLanguage');
      expectMonthRows(r.byMunicipality, truth.byMunicipality, 'byMunicipality');
      expectMonthRows(r.feedbackByService, truth.feedbackByService, 'feedbackByService');
      r.trend.months.forEach((c, i) => expectFigure(c, truth.trend[i]!, `trend ${MONTHS[i]}`));
      r.trend.yearBefore.forEach((c, i) => expectFigure(c, truth.yearBefore[i]!, `year before ${MONTHS[i]}`));
      // The trend is not all hidden: the year has months big enough to show.
      expect(r.trend.months.filter((c) => c !== '<5').length).toBeGreaterThan(8);

      expect(r.handling.map((h) => h.service).sort()).toEqual([...truth.handling.keys()].sort());
      for (const h of r.handling) {
        const want = truth.handling.get(h.service)!;
        expect(h.cases, h.service).toBe(want.cases);
        expect(h.medianDaysToFirstAction, h.service).toBe(want.first);
        expect(h.medianDaysToDone, h.service).toBe(want.done);
        expect(h.doneWithinFiveWorkingDays, h.service).toBe(want.share);
      }

      for (const m of r.measures) {
        const want = truth.measures.find((x) => x.measure === m.measure)!;
        const n = want.distribution.reduce((a, b) => a + b, 0);
        expect(m.n, m.measure).toBe(n);
        expect(m.average, m.measure).toBe(truth.avg(want.distribution));
        m.distribution.forEach((c, i) => expectFigure(c, want.distribution[i]!, `${m.measure} score ${i + 1}`));
        expect(m.averageYearBefore, m.measure).toBe(want.averageYearBefore);
      }
    });

  it('lets nothing suppressed be recomputed from row and column totals, across the tables that share them', async () => {
    for (const [who, query] of [
      [HEINOLA, 'municipality=heinola&from=2026-01&to=2026-12'],
      [ORIMATTILA, 'municipality=orimattila&from=2026-01&to=2026-12'],
      [ADMIN, 'from=2026-01&to=2026-12'],
      [ADMIN, 'municipality=orimattila&from=2026-06&to=2026-08'],
    ] as const) {
      const r = await report(who, query);
      const suppressed = [r.byService, r.byLanguage, r.byMunicipality]
        .flatMap((rows) => rows.flatMap((row) => row.months))
        .filter((c) => c === '<5');
      if (query.includes('orimattila')) expect(suppressed.length, query).toBeGreaterThan(0);
      expect(attackMonthRows('service', r.byService, r.trend.months), query).toEqual([]);
      expect(attackMonthRows('language', r.byLanguage, r.trend.months), query).toEqual([]);
      expect(attackMonthRows('municipality', r.byMunicipality, r.trend.months), query).toEqual([]);
      const feedbackRow = r.byService.find((row) => row.key === 'feedback');
      if (feedbackRow) expect(attackMonthRows('feedback', r.feedbackByService, feedbackRow.months), query).toEqual([]);
      for (const m of r.measures) expect(attackMeasure(m), `${query} ${m.measure}`).toEqual([]);
      // The same totals wherever they appear: one table cannot show what another hides.
      const columnTotals = (rows: MonthRow[]) =>
        r.months.map((_, i) =>
          rows.reduce((n, row) => (row.months[i] === '<5' || n === '<5' ? '<5' : n + (row.months[i] as number)), 0 as ReportCell),
        );
      for (const rows of [r.byService, r.byLanguage, r.byMunicipality])
        columnTotals(rows).forEach((sum, i) => {
          if (sum !== '<5') expect(r.trend.months[i]).toBe(sum);
        });
    }
  });

  it('gives admins every town, each town under its own key, and the same figures summed', async () => {
    const r = await report(ADMIN, 'from=2026-01&to=2026-12');
    const truth = expected(['heinola', 'orimattila']);
    expect(r.municipality).toBeNull();
    expect(r.byMunicipality.map((row) => row.key)).toEqual(['heinola', 'orimattila']);
    expectMonthRows(r.byService, truth.byService, 'byService');
    expectMonthRows(r.byLanguage, truth.byLanguage, 'byLanguage');
    r.trend.months.forEach((c, i) => expectFigure(c, truth.trend[i]!, `trend ${MONTHS[i]}`));
    // Staff of one town asking without a town get their own town only.
    const own = await report(HEINOLA, 'from=2026-01&to=2026-12');
    expect(own.byMunicipality.map((row) => row.key)).toEqual(['heinola']);
  });

  it('never holds free text, names, contact details or references, in the JSON or in either CSV', async () => {
    const json = JSON.stringify(await report(ADMIN, 'from=2025-01&to=2026-12'));
    const csv = await (await get(ADMIN, '/api/reports.csv?from=2025-01&to=2026-12')).text();
    const fi = await (await get(ADMIN, '/api/reports.csv?from=2025-01&to=2026-12&format=csv-fi')).text();
    for (const text of [json, csv, fi]) {
      for (const personal of ['Olena', 'Kovalenko', 'Kiitos', '@example.com', '+358', '123 4567', 'Roskaposti', 'Odottaa', '@koto.local'])
        expect(text).not.toContain(personal);
      expect(text).not.toMatch(/\b(HEI|ORI)-[A-Z0-9]{4}-/);
    }
    // Nor the aggregates themselves: only ids, months and counts (and random markers).
    const items = JSON.stringify(await aggregateItems(t));
    for (const personal of ['Olena', 'Kiitos', '@example.com', '+358', 'HEI-', 'ORI-', '@koto.local'])
      expect(items).not.toContain(personal);
  });

  it('gives the aggregates as CSV: every figure of the JSON, and the Finnish Excel variant with ; and decimal commas', async () => {
    const query = 'municipality=heinola&from=2026-01&to=2026-12';
    const r = await report(HEINOLA, query);
    const res = await get(HEINOLA, `/api/reports.csv?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="koto-report-heinola-2026-01-2026-12.csv"');
    const rows = readMachineCsv(await res.text());
    expect(rows[0]).toEqual(['table', 'key', 'column', 'value']);
    const find = (table: string, key: string, column: string) =>
      rows.find((row) => row[0] === table && row[1] === key && row[2] === column)?.[3];
    const guidance = r.byService.find((row) => row.key === 'guidance')!;
    expect(find('byService', 'guidance', '2026-03')).toBe(String(guidance.months[2]));
    expect(find('byService', 'guidance', 'total')).toBe(String(guidance.total));
    const overall = r.measures.find((m) => m.measure === 'ratingOverall')!;
    expect(find('measures', 'ratingOverall', 'average')).toBe(String(overall.average));
    expect(rows.filter((row) => row[3] === '<5').length).toBeGreaterThan(0);

    const fiRes = await get(HEINOLA, `/api/reports.csv?${query}&format=csv-fi`);
    expect(fiRes.headers.get('content-disposition')).toBe('attachment; filename="koto-report-heinola-2026-01-2026-12-fi.csv"');
    const bytes = new Uint8Array(await fiRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fiRows = readFinnishCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    const fiAverage = fiRows.find((row) => row[0] === 'measures' && row[1] === 'ratingOverall' && row[2] === 'average')?.[3];
    expect(fiAverage).toBe(String(overall.average).replace('.', ','));
  });

  it('is audited: who asked for which report and period', async () => {
    await report(HEINOLA, 'municipality=heinola&from=2026-02&to=2026-04');
    const trail = await t.deps.app.audit.list('report:heinola', t.clock.now());
    expect(trail.some((e) => e.actor === HEINOLA && e.action === 'read' && e.detail?.startsWith('2026-02..2026-04'))).toBe(true);
    await get(ADMIN, '/api/reports.csv?from=2026-01&to=2026-12');
    const all = await t.deps.app.audit.list('report:all', t.clock.now());
    expect(all.some((e) => e.actor === ADMIN && e.action === 'export')).toBe(true);
  });
});

describe('access and parameters', () => {
  it('answers 401 without a session, 403 for another town, 404 for no such town; nothing is audited for them', async () => {
    expect((await staffRequest(t, 'GET', '/api/reports?from=2026-01&to=2026-12')).status).toBe(401);
    expect((await staffRequest(t, 'GET', '/api/reports.csv?from=2026-01&to=2026-12')).status).toBe(401);
    const before = (await t.deps.app.audit.list('report:orimattila', t.clock.now())).length;
    const other = await get(HEINOLA, '/api/reports?municipality=orimattila&from=2026-01&to=2026-12');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: string }).error).toBe('forbidden');
    expect((await get(HEINOLA, '/api/reports.csv?municipality=orimattila&from=2026-01&to=2026-12')).status).toBe(403);
    expect((await t.deps.app.audit.list('report:orimattila', t.clock.now())).length).toBe(before);
    expect((await get(ADMIN, '/api/reports?municipality=lahti&from=2026-01&to=2026-12')).status).toBe(404);
  });

  for (const [query, why] of [
    ['to=2026-12', 'from missing'],
    ['from=2026-01', 'to missing'],
    ['from=2026-13&to=2026-12', 'no month 13'],
    ['from=2026-1&to=2026-12', 'not YYYY-MM'],
    ['from=2026-06&to=2026-01', 'to before from'],
    ['from=2020-01&to=2026-12', 'over 36 months'],
    ['from=2026-01&to=2026-12&form=guidance', 'unknown parameter'],
  ])
    it(`answers 400 when ${why}`, async () => {
      const res = await get(ADMIN, `/api/reports?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    });

  it('answers 400 for a CSV format it does not have', async () => {
    const res = await get(ADMIN, '/api/reports.csv?from=2026-01&to=2026-12&format=xlsx');
    expect(res.status).toBe(400);
  });
});

describe('incremental, rebuilt and after retention', () => {
  it('counts nothing twice when a count is repeated (a retried request)', async () => {
    const before = await aggregateItems(t);
    const { items } = await t.deps.app.store.listSubmissions({ municipalities: ['heinola'], limit: 30 }, new Date('2026-06-01T00:00:00Z'));
    for (const s of items) await countSubmission(t.deps.app, s);
    expect(await aggregateItems(t)).toEqual(before);
  });

  it('rebuilding from the live submissions gives exactly the aggregates the live updates gave', async () => {
    const incremental = await aggregateItems(t);
    const jsonBefore = await report(ADMIN, 'from=2026-01&to=2026-12');
    const at = new Date('2026-01-01T00:00:00Z'); // before anything expired
    const done = await rebuildReports({ ...t.deps.app, crypto: nodeCrypto }, ['heinola', 'orimattila'], at, {
      from: '2025-01',
      to: '2026-12',
    });
    expect(done.cleared).toBe(incremental.length);
    expect(done.submissions).toBe(YEAR.length);
    expect(await aggregateItems(t)).toEqual(incremental);
    expect(await report(ADMIN, 'from=2026-01&to=2026-12')).toEqual(jsonBefore);
    // The command's own entry: without months it only adds what is missing, here nothing.
    const cli = await runRebuildReports(['rebuild-reports'], {
      ...t.deps.app,
      crypto: nodeCrypto,
      municipalities: ['heinola', 'orimattila'],
      clock: { now: () => at },
    });
    expect(cli).toEqual({ lines: [`counted ${YEAR.length} live submission(s), 0 step(s) added`], code: 0 });
    expect((await runRebuildReports(['rebuild-reports', '2026-01'], { ...t.deps.app, crypto: nodeCrypto, municipalities: [] })).code).toBe(
      2,
    );
  }, 900_000);

  it('keeps every figure after the retention sweep deletes the submissions behind them', async () => {
    const queries = ['from=2026-01&to=2026-12', 'municipality=heinola&from=2025-01&to=2026-12'];
    const before = await Promise.all(queries.map((q) => report(ADMIN, q)));
    const deleted = await t.deps.app.store.deleteExpired(new Date('2029-01-01T00:00:00Z'));
    expect(deleted).toBeGreaterThanOrEqual(YEAR.length);
    expect(await itemsOfType(t, 'submission')).toEqual([]);
    // The sweep ended the sessions too (their 8 hours are long past in 2029): sign in again.
    cookies[ADMIN] = await signIn(t, ADMIN);
    expect(await Promise.all(queries.map((q) => report(ADMIN, q)))).toEqual(before);
  }, 600_000);
});

describe('the live hooks', () => {
  it('count a submission sent through the API once, however often it is retried, and its changes through the API', async () => {
    const app = await buildTestApp();
    await seedStaff(app);
    const body = guidanceBody({ lang: 'uk' });
    for (let i = 0; i < 3; i++)
      expect((await postJson(app.app, '/api/forms/guidance/submissions', body, { 'Idempotency-Key': 'report-key-1' })).status).toBe(201);
    const { reference } = (await (
      await postJson(app.app, '/api/forms/guidance/submissions', body, { 'Idempotency-Key': 'report-key-1' })
    ).json()) as { reference: string };
    const list = () => app.deps.app.reports.list('heinola', '2026-03', '2026-03');
    expect((await list()).map((a) => [a.service, a.lang, a.counts])).toEqual([['guidance', 'uk', { received: 1 }]]);
    let cookie = await signIn(app, HEINOLA);
    app.clock.advance(3 * 3_600_000);
    const patch = await staffRequest(app, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie,
      body: { assignee: HEINOLA, status: 'in_progress', expectedVersion: 1 },
    });
    expect(patch.status).toBe(200);
    app.clock.advance(2 * 86_400_000);
    cookie = await signIn(app, HEINOLA); // the session of two days ago has ended
    const done = await staffRequest(app, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie,
      body: { status: 'done', expectedVersion: 2 },
    });
    expect(done.status).toBe(200);
    expect((await list())[0]!.counts).toEqual({
      received: 1,
      reached_in_progress: 1,
      reached_done: 1,
      firstAction: 1,
      firstActionDays_0: 1,
      done: 1,
      doneDays_2: 1,
      doneWithin5: 1,
    });
    // Spam rejected in bulk reaches `rejected` once.
    const bulk = await staffRequest(app, 'POST', '/api/staff/submissions/bulk', {
      cookie,
      body: { action: 'spam', references: [reference] },
    });
    expect(bulk.status).toBe(200);
    expect((await list())[0]!.counts['reached_rejected']).toBe(1);
  });
});
