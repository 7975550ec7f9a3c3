import { defaultIsContentTypeBinary } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { useDynalite } from '../support/dynamo.js';
import { csvTime, formulaInCell, readFinnishCsv, readMachineCsv, readXlsx } from '../support/exports.js';
import { ADMIN, HEINOLA, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

const AWKWARD = [
  "Rivi yksi\nrivi kaksi\n=cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  '+358 40 123 4567',
  '-5',
  '@SUM(1+1)',
  '\tsarkain',
  'Lainaus "näin"; ja puolipiste; ja pilkku, tässä',
  'مرحبا بالعالم',
  'Emoji 👩‍👧 ja ä ö å',
  '\r\n=1+1',
  '"lainaus" alussa',
  ';alku',
];

/** Guidance submissions with awkward free text (names, a message, an interpreter language), one minute apart. */
async function submitAwkward(t: T, count: number): Promise<{ reference: string; answers: Record<string, string> }[]> {
  const out = [];
  for (let i = 0; i < count; i++) {
    t.clock.advance(60_000);
    const answers = {
      fullName: AWKWARD[i % AWKWARD.length]!,
      latinName: AWKWARD[(i + 3) % AWKWARD.length]!,
      message: AWKWARD[(i + 5) % AWKWARD.length]! + ' ' + AWKWARD[(i + 7) % AWKWARD.length]!,
      interpreterLanguage: 'other',
      interpreterLanguageOther: AWKWARD[(i + 1) % AWKWARD.length]!.slice(0, 60),
    };
    const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody({ lang: i % 2 ? 'ar' : 'fi' }, answers));
    expect(res.status, await res.clone().text()).toBe(201);
    out.push({ reference: ((await res.json()) as { reference: string }).reference, answers });
  }
  return out;
}

async function setup(count = AWKWARD.length) {
  const t = await buildTestApp();
  await seedStaff(t);
  const sent = await submitAwkward(t, count);
  const cookie = await signIn(t, HEINOLA);
  return { t, sent, cookie };
}

const QUERY = 'municipality=heinola&form=guidance';
const get = (t: T, cookie: string, path: string) => staffRequest(t, 'GET', path, { cookie });
/** A body as sent, a byte-order mark kept (`Response.text()` drops it). */
const bodyText = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

describe('the export for people with Finnish Excel', () => {
  it('gives the same Finnish rows as a CSV with ; and as an XLSX, awkward answers intact and never a formula', async () => {
    const { t, sent, cookie } = await setup();
    const csvRes = await get(t, cookie, `/api/staff/export?format=csv-fi&${QUERY}`);
    expect(csvRes.status).toBe(200);
    const text = await bodyText(csvRes);
    const xlsxRes = await get(t, cookie, `/api/staff/export?format=xlsx&${QUERY}`);
    expect(xlsxRes.status).toBe(200);
    const sheet = await readXlsx(new Uint8Array(await xlsxRes.arrayBuffer()));

    // Every cell text, but the received time: a real date in the XLSX, local time text in the CSV.
    const csv = readFinnishCsv(text);
    expect(csv).toHaveLength(sent.length + 1);
    expect(sheet.map((row) => row.map((cell) => (cell instanceof Date ? csvTime(cell) : cell)))).toEqual(csv);
    for (const row of sheet.slice(1)) {
      expect(row[5]).toBeInstanceOf(Date);
      row.forEach((cell, i) => i === 5 || expect(typeof cell).toBe('string'));
    }
    const header = csv[0]!;
    expect(header.slice(0, 7)).toEqual(['Asiointitunnus', 'Lomake', 'Kunta', 'Tila', 'Kieli', 'Vastaanotettu', 'Käsittelijä']);
    const column = (label: string) => header.indexOf(label);
    expect(column('Puhelinnumero')).toBeGreaterThan(6);

    // Newest first; the answers come back as written, the codes as Finnish words, the time in Helsinki (UTC+2 in March).
    const rows = csv.slice(1).reverse();
    sent.forEach(({ reference, answers }, i) => {
      const row = rows[i]!;
      expect(row.slice(0, 5)).toEqual([reference, 'Ohjaus ja neuvonta', 'Heinola', 'uusi', i % 2 ? 'arabia' : 'suomi']);
      expect(row[5]).toBe(csvTime(new Date(Date.UTC(2026, 2, 2, 10, 31 + i))));
      const name = header.findIndex((h, c) => c > 6 && row[c] === answers.fullName);
      expect(name).toBeGreaterThan(6);
      expect(row).toContain(answers.message);
      expect(row).toContain(answers.latinName);
      expect(row[column('Puhelinnumero')]).toBe('+358 40 123 4567');
    });

    // On the wire: every field quoted, no line break outside quotes, no cell Excel would run.
    const raw = (await import('csv-parse/sync')).parse(text, { delimiter: ';', bom: true, raw: false }) as string[][];
    expect(raw.flat().filter(formulaInCell)).toEqual([]);
    expect(raw.flat()).toContain('="+358 40 123 4567"');
    expect(raw.flat()).toContain(`'=cmd|' /C calc'!A0`);
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).toMatch(/^\uFEFF;*$/);
  });

  it('names each format with its content type and a file name of the day, and audits each export of answers', async () => {
    const { t, sent, cookie } = await setup(1);
    const admin = await signIn(t, ADMIN);
    const day = t.clock.now().toISOString().slice(0, 10);
    const cases = [
      ['csv', 'text/csv; charset=utf-8', `koto-submissions-${day}.csv`],
      ['csv-fi', 'text/csv; charset=utf-8', `koto-submissions-${day}-fi.csv`],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `koto-submissions-${day}.xlsx`],
    ] as const;
    for (const [format, type, file] of cases) {
      t.clock.advance(1000);
      const res = await get(t, cookie, `/api/staff/export?format=${format}&${QUERY}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      // The API Lambda (hono/aws-lambda) sends a binary type base64-encoded through API Gateway, text as it is.
      expect(defaultIsContentTypeBinary(type)).toBe(format === 'xlsx');
    }
    const trail = (await (await get(t, admin, `/api/admin/audit/${sent[0]!.reference}`)).json()) as { entries: { action: string }[] };
    expect(trail.entries.filter((e) => e.action === 'export')).toHaveLength(3);
  });

  it('refuses an unknown format with 400 invalid_request and anyone signed out with 401, and keeps the filters: another town is 403, a status narrows', async () => {
    const { t, cookie } = await setup(2);
    const bad = await get(t, cookie, `/api/staff/export?format=pdf&${QUERY}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request' });
    expect((await get(t, cookie, '/api/staff/export?format=xlsx&municipality=orimattila&form=guidance')).status).toBe(403);
    const done = await get(t, cookie, `/api/staff/export?format=csv-fi&${QUERY}&status=done`);
    expect(readFinnishCsv(await bodyText(done))).toHaveLength(1);
    expect((await staffRequest(t, 'GET', '/api/staff/export?format=xlsx')).status).toBe(401);
  });

  it('gives the Finnish columns without answers when no form is chosen, each time zone rule applied (UTC+3 in summer)', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    t.clock.current = new Date('2026-07-01T20:59:30Z');
    const [sent] = await submitAwkward(t, 1);
    const cookie = await signIn(t, HEINOLA);
    const sheet = await readXlsx(new Uint8Array(await (await get(t, cookie, '/api/staff/export?format=xlsx')).arrayBuffer()));
    expect(sheet).toEqual([
      ['Asiointitunnus', 'Lomake', 'Kunta', 'Tila', 'Kieli', 'Vastaanotettu', 'Käsittelijä'],
      [sent!.reference, 'Ohjaus ja neuvonta', 'Heinola', 'uusi', 'suomi', new Date(Date.UTC(2026, 6, 2, 0, 0, 30)), ''],
    ]);
  });
});

describe('the export for programs', () => {
  it('is comma-separated, every field quoted, with ids, codes, answers as stored and ISO UTC times; the old address gives the same', async () => {
    const { t, sent, cookie } = await setup();
    const text = await bodyText(await get(t, cookie, `/api/staff/export?format=csv&${QUERY}`));
    expect(await (await get(t, cookie, `/api/staff/submissions.csv?${QUERY}`)).text()).toBe(text);
    expect(await (await get(t, cookie, `/api/staff/export?${QUERY}`)).text()).toBe(text);
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).toMatch(/^,*$/);
    const [header, ...rows] = readMachineCsv(text);
    expect(header!.slice(0, 7)).toEqual(['reference', 'form', 'municipality', 'status', 'lang', 'submittedAt', 'assignee']);
    const at = (id: string) => header!.indexOf(id);
    rows.reverse().forEach((row, i) => {
      const { reference, answers } = sent[i]!;
      expect(row.slice(0, 7)).toEqual([
        reference,
        'guidance',
        'heinola',
        'new',
        i % 2 ? 'ar' : 'fi',
        new Date(Date.UTC(2026, 2, 2, 8, 31 + i)).toISOString(),
        '',
      ]);
      for (const [id, value] of Object.entries(answers)) expect(row[at(id)]).toBe(value);
      expect(row[at('topics')]).toBe('["housing","kela"]');
      expect(row[at('interpreterNeeded')]).toBe('true');
      expect(row[at('preferredLanguage')]).toBe('uk');
    });
  });
});
