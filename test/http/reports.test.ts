import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasureRow, MonthRow, Report, ReportCell } from '../../schemas/src/report-contract.js';
import type { BulkResult } from '../../schemas/src/index.js';
import { countSubmission } from '../../functions/src/domain/reports/count-submission.js';
import { rebuildReports } from '../../functions/src/domain/reports/rebuild-reports.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { runRebuildReports } from '../../functions/src/entry/forms-cli.js';
import { useDynalite } from '../support/dynamo.js';
import { readFinnishCsv, readMachineCsv } from '../support/exports.js';
import { hiddenFigures, recomputable, tableEquations, type Equation } from '../support/recompute-attack.js';
import { MONTHS, STAFF_OF, YEAR, averageOf, expectFigure, expectMonthRows, expected, writeYear } from '../support/report-year-figures.js';
import { ADMIN, HEINOLA, ORIMATTILA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, catalog, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

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
  await writeYear(t.deps.app);
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
        // The share gives away how many were (or were not) done in five days: hidden when either is 1–4 people.
        const few = (n: number) => n > 0 && n < 5;
        expect(h.doneWithinFiveWorkingDays, h.service).toBe(few(want.within) || few(want.cases - want.within) ? '<5' : want.share);
      }

      for (const m of r.measures) {
        const want = truth.measures.find((x) => x.measure === m.measure)!;
        const n = want.distribution.reduce((a, b) => a + b, 0);
        expect(m.n, m.measure).toBe(n);
        expect(m.average, m.measure).toBe(averageOf(want.distribution));
        m.distribution.forEach((c, i) => expectFigure(c, want.distribution[i]!, `${m.measure} score ${i + 1}`));
        expect(m.averageYearBefore, m.measure).toBe(want.averageYearBefore);
      }
    });

  it('hides the five-day share of a month when it would tell that 1–4 people were, or were not, done in time', async () => {
    let hidden = 0;
    for (const town of ['heinola', 'orimattila'] as const)
      for (const month of MONTHS) {
        const r = await report(STAFF_OF[town], `municipality=${town}&from=${month}&to=${month}`);
        for (const h of r.handling) {
          const share = h.doneWithinFiveWorkingDays;
          if (share === '<5') hidden++;
          if (typeof share !== 'number') continue;
          // A shown share and the shown cases give the count done in time, and the count not: neither is 1–4.
          expect(typeof h.cases, `${town} ${month} ${h.service}`).toBe('number');
          const within = Math.round(share * (h.cases as number));
          for (const count of [within, (h.cases as number) - within])
            expect(count === 0 || count >= 5, `${town} ${month} ${h.service}`).toBe(true);
        }
      }
    expect(hidden).toBeGreaterThan(0);
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
    // In Finnish: the header, the tables named by the page's headings, the rows and columns by what they are.
    expect(fiRows[0]).toEqual(['Taulukko', 'Rivi', 'Sarake', 'Arvo']);
    expect(fiRows.length).toBe(rows.length);
    expect([...new Set(fiRows.slice(1).map((row) => row[0]))]).toEqual([
      'Lomakkeet palveluittain',
      'Asiointikielet',
      'Lomakkeet kunnittain',
      'Palautteet palveluittain',
      'Kehitys vuoden takaiseen',
      'Käsittelyajat',
      'Vaikuttavuusmittarit',
    ]);
    const fiFind = (table: string, key: string, column: string) =>
      fiRows.find((row) => row[0] === table && row[1] === key && row[2] === column)?.[3];
    const guidanceTitle = catalog.forms.find((f) => f.id === 'guidance')!.texts.fi!.title;
    expect(fiFind('Lomakkeet palveluittain', guidanceTitle, '2026-03')).toBe(String(guidance.months[2]));
    expect(fiFind('Lomakkeet palveluittain', guidanceTitle, 'Yhteensä')).toBe(String(guidance.total));
    const ukrainian = r.byLanguage.find((row) => row.key === 'uk')!;
    expect(fiFind('Asiointikielet', 'ukraina', 'Yhteensä')).toBe(String(ukrainian.total));
    expect(fiFind('Lomakkeet kunnittain', 'Heinola', 'Yhteensä')).toBe(String(r.byMunicipality[0]!.total));
    expect(fiFind('Kehitys vuoden takaiseen', 'Vuotta aiemmin', '2026-03')).toBe(String(r.trend.yearBefore[2]));
    const handled = r.handling.find((h) => h.service === 'guidance')!;
    expect(fiFind('Käsittelyajat', guidanceTitle, 'Mediaani valmiiksi (pv)')).toBe(String(handled.medianDaysToDone).replace('.', ','));
    expect(fiFind('Vaikuttavuusmittarit', 'Tyytyväisyys palveluun', 'Keskiarvo')).toBe(String(overall.average).replace('.', ','));
    expect(fiFind('Vaikuttavuusmittarit', 'Tyytyväisyys palveluun', 'Vastaus 5')).toBe(String(overall.distribution[4]));
    const feedbackGuidance = r.feedbackByService.find((row) => row.key === 'guidance')!;
    expect(fiFind('Palautteet palveluittain', 'Ohjaus ja neuvonta', 'Yhteensä')).toBe(String(feedbackGuidance.total));
    // No id is left where a name belongs (months stay YYYY-MM).
    for (const id of ['byService', 'measures', 'total', 'average', 'score1', 'ratingOverall', 'guidance', 'uk', 'heinola'])
      expect(fiRows.flat(), id).not.toContain(id);
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

  it('take a submission staff mark as spam out of the figures, and put it back when it is reopened; retries and the rebuild agree', async () => {
    const app = await buildTestApp();
    await seedStaff(app);
    const references: string[] = [];
    for (let i = 0; i < 7; i++) {
      app.clock.advance(60_000);
      const res = await postJson(app.app, '/api/forms/guidance/submissions', guidanceBody({ lang: 'uk' }));
      references.push(((await res.json()) as { reference: string }).reference);
    }
    const [claimed, rejected] = references as [string, string];
    let cookie = await signIn(app, HEINOLA);
    const patch = async (reference: string, body: Record<string, unknown>) => {
      const current = (await app.deps.app.store.getSubmission(reference, app.clock.now()))!;
      const res = await staffRequest(app, 'PATCH', `/api/staff/submissions/${reference}`, {
        cookie,
        body: { ...body, expectedVersion: current.version },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    const spam = async (reference: string) => {
      const res = await staffRequest(app, 'POST', '/api/staff/submissions/bulk', {
        cookie,
        body: { action: 'spam', references: [reference] },
      });
      return ((await res.json()) as BulkResult).results[0]!.outcome;
    };
    const counts = async () => {
      const [a] = await app.deps.app.reports.list('heinola', '2026-03', '2026-03');
      return a!.counts;
    };
    const guidance = async () => {
      const res = await staffRequest(app, 'GET', '/api/reports?municipality=heinola&from=2026-03&to=2026-03', { cookie });
      const r = (await res.json()) as Report;
      return { total: r.byService[0]!.total, cases: r.handling[0]!.cases, trend: r.trend.months[0] };
    };
    const rebuilt = async () => {
      const before = await aggregateItems(app);
      await rebuildReports({ ...app.deps.app, crypto: nodeCrypto }, ['heinola'], app.clock.now(), { from: '2026-03', to: '2026-03' });
      expect(await aggregateItems(app)).toEqual(before);
    };

    app.clock.advance(3_600_000);
    await patch(claimed, { status: 'in_progress', assignee: HEINOLA });
    await patch(rejected, { status: 'rejected' });
    expect(await counts()).toMatchObject({ received: 7, firstAction: 2, firstActionDays_0: 2 });
    expect(await guidance()).toEqual({ total: 7, cases: 7, trend: 7 });

    // Marked as spam: out of every figure but the statuses it reached. One rejected before can be marked too.
    expect(await spam(claimed)).toBe('changed');
    expect(await spam(rejected)).toBe('changed');
    expect(await counts()).toMatchObject({
      received: 5,
      firstAction: 0,
      firstActionDays_0: 0,
      reached_in_progress: 1,
      reached_rejected: 2,
    });
    expect(await guidance()).toEqual({ total: 5, cases: 5, trend: 5 });
    // A retried bulk request changes nothing, nor does counting the submissions again (a retried hook).
    const once = await aggregateItems(app);
    expect(await spam(claimed)).toBe('unchanged');
    for (const reference of references)
      await countSubmission(app.deps.app, (await app.deps.app.store.getSubmission(reference, app.clock.now()))!);
    expect(await aggregateItems(app)).toEqual(once);
    await rebuilt();

    // Reopened: back in the figures, its first action as it was; then marked again, out again.
    app.clock.advance(86_400_000);
    cookie = await signIn(app, HEINOLA);
    await patch(claimed, { status: 'in_progress' });
    expect(await counts()).toMatchObject({ received: 6, firstAction: 1, firstActionDays_0: 1 });
    expect(await guidance()).toEqual({ total: 6, cases: 6, trend: 6 });
    await rebuilt();
    expect(await spam(claimed)).toBe('changed');
    expect(await counts()).toMatchObject({ received: 5, firstAction: 0 });
    await rebuilt();
    const stored = (await app.deps.app.store.getSubmission(claimed, app.clock.now()))!;
    expect(stored.history!.filter((h) => h.action === 'status').map((h) => [h.to, h.spam ?? false])).toEqual([
      ['in_progress', false],
      ['rejected', true],
      ['in_progress', false],
      ['rejected', true],
    ]);
  });
});
