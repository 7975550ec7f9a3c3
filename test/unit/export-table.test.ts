import { describe, expect, it } from 'vitest';
import {
  excelText,
  finnishTable,
  helsinkiTime,
  localTimeText,
  machineTable,
  storedText,
  type ExportData,
} from '../../functions/src/domain/staff/export-table.js';
import { staffTexts } from '../../schemas/src/staff-texts.js';
import fi from '../../schemas/texts/staff/fi.json' with { type: 'json' };

const texts = staffTexts({ staff: { fi } });

const DATA: ExportData = {
  questions: [
    { id: 'phone', label: 'Puhelinnumero' },
    { id: 'topics', label: 'Aiheet' },
  ],
  records: [
    {
      reference: 'HEI-7KQ4-M2X9',
      form: 'guidance',
      formTitle: 'Ohjaus ja neuvonta',
      municipality: 'heinola',
      municipalityName: 'Heinola',
      status: 'waiting_resident',
      lang: 'ar',
      submittedAt: '2026-10-25T00:30:00.000Z',
      assignee: '',
      answers: { phone: { value: '+358 40 123 4567', shown: '+358 40 123 4567' }, topics: { value: ['housing'], shown: 'Asuminen' } },
    },
  ],
};

describe('the export tables', () => {
  it('for programs: ids, codes, answers as stored, ISO UTC', () => {
    expect(machineTable(DATA)).toEqual({
      header: ['reference', 'form', 'municipality', 'status', 'lang', 'submittedAt', 'assignee', 'phone', 'topics'],
      rows: [
        [
          'HEI-7KQ4-M2X9',
          'guidance',
          'heinola',
          'waiting_resident',
          'ar',
          '2026-10-25T00:30:00.000Z',
          '',
          '+358 40 123 4567',
          '["housing"]',
        ],
      ],
    });
  });

  it('for people: Finnish headers, words for codes, answers as shown, the time in Helsinki', () => {
    const { header, rows } = finnishTable(DATA, texts);
    expect(header).toEqual([
      'Asiointitunnus',
      'Lomake',
      'Kunta',
      'Tila',
      'Kieli',
      'Vastaanotettu',
      'Käsittelijä',
      'Puhelinnumero',
      'Aiheet',
    ]);
    expect(rows[0]!.slice(0, 5)).toEqual(['HEI-7KQ4-M2X9', 'Ohjaus ja neuvonta', 'Heinola', texts.status('waiting_resident'), 'arabia']);
    expect(rows[0]![3]).not.toBe('waiting_resident');
    expect(rows[0]![5]).toEqual({ local: new Date('2026-10-25T03:30:00.000Z') });
    expect(rows[0]!.slice(6)).toEqual(['', '+358 40 123 4567', 'Asuminen']);
  });

  it('writes stored answers as text: strings as they are, the rest as JSON, none as empty', () => {
    expect([storedText('a "b"'), storedText(12), storedText(true), storedText({ a: 1 }), storedText(undefined), storedText(null)]).toEqual([
      'a "b"',
      '12',
      'true',
      '{"a":1}',
      '',
      '',
    ]);
  });
});

describe('Helsinki time', () => {
  it('is UTC+2 in winter and UTC+3 in summer, across both changes and midnight', () => {
    const at = (iso: string) => localTimeText(helsinkiTime(iso));
    expect(at('2026-03-02T08:30:00Z')).toBe('2026-03-02 10:30');
    expect(at('2026-03-29T00:59:00Z')).toBe('2026-03-29 02:59');
    expect(at('2026-03-29T01:00:00Z')).toBe('2026-03-29 04:00');
    expect(at('2026-07-01T21:15:00Z')).toBe('2026-07-02 00:15');
    expect(at('2026-10-25T00:59:00Z')).toBe('2026-10-25 03:59');
    expect(at('2026-10-25T01:00:00Z')).toBe('2026-10-25 03:00');
    expect(at('2026-12-31T22:00:00Z')).toBe('2027-01-01 00:00');
    expect(helsinkiTime('2026-07-01T21:15:42.500Z').local.toISOString()).toBe('2026-07-02T00:15:42.000Z');
  });
});

describe('text for a CSV that Excel opens', () => {
  it('writes phone numbers and signed numbers as a text formula, shown as typed', () => {
    expect(excelText('+358 40 123 4567')).toBe('="+358 40 123 4567"');
    expect(excelText('+358 (0)3 123-456')).toBe('="+358 (0)3 123-456"');
    expect(excelText('-5')).toBe('="-5"');
  });

  it('puts an apostrophe before anything else Excel would read as a formula', () => {
    for (const text of ["=cmd|' /C calc'!A0", '+A1', '-2+3 kertaa', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")', '+358 40 "1"'])
      expect(excelText(text)).toBe(`'${text}`);
  });

  it('leaves other text as it is, a formula after a line break included (every field is quoted, so it stays in its cell)', () => {
    for (const text of ['Olena', '', ' =1', 'a\n=1+1', 'مرحبا', '👩‍👧', '358 40', '"'] as const) expect(excelText(text)).toBe(text);
  });
});
