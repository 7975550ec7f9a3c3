import { describe, expect, it } from 'vitest';
import type { ServicesResponse } from '../../web/src/api.js';
import { fallbackCatalog, formTitle, mergeCatalog } from '../../web/src/staff/catalog.js';
import { actorName, describeChange, formatTime, languageName, statusLabel } from '../../web/src/staff/format.js';

describe('staff texts', () => {
  it('show times in Finnish, in Helsinki time, summer and winter', () => {
    expect(formatTime('2026-03-02T08:30:00Z')).toBe('2.3.2026 klo 10.30');
    expect(formatTime('2026-07-01T21:05:00Z')).toBe('2.7.2026 klo 00.05');
    expect(formatTime('not a time')).toBe('not a time');
  });

  it('name statuses and languages in Finnish, keeping an unknown one as it came', () => {
    expect(['new', 'in_progress', 'waiting_resident', 'done', 'rejected'].map(statusLabel)).toEqual([
      'uusi',
      'käsittelyssä',
      'odottaa asiakasta',
      'valmis',
      'hylätty',
    ]);
    expect(statusLabel('archived')).toBe('archived');
    expect(statusLabel(null)).toBe('–');
    expect(languageName('uk')).toBe('ukraina');
    expect(languageName('xx')).toBe('xx');
  });

  it('describe each kind of change, and who made it', () => {
    const at = '2026-03-02T08:30:00Z';
    expect(describeChange({ at, by: 'a@x', action: 'status', from: 'new', to: 'in_progress' })).toBe('Tila muutettu: uusi → käsittelyssä');
    expect(describeChange({ at, by: 'a@x', action: 'status', from: 'rejected', to: 'rejected', spam: true })).toBe(
      'Merkitty roskapostiksi (hylätty → hylätty): ei mukana raporttien luvuissa',
    );
    expect(describeChange({ at, by: 'a@x', action: 'assign', from: null, to: 'a@x' })).toBe('Käsittelijäksi a@x');
    expect(describeChange({ at, by: 'a@x', action: 'assign', from: 'a@x', to: null })).toBe('Käsittelijä poistettu (a@x)');
    expect(describeChange({ at, by: 'a@x', action: 'note', note: 'Soitan' })).toBe('Sisäinen muistiinpano');
    expect(actorName('staff.heinola@koto.local')).toBe('staff.heinola@koto.local');
    expect(actorName('link:kotoutumisohjaaja@heinola.fi')).toBe('kotoutumisohjaaja@heinola.fi (sähköpostin linkistä)');
  });
});

describe('the staff catalog', () => {
  const list = (municipality: string, name: string, forms: [string, string][]): ServicesResponse => ({
    forms: forms.map(([id, title]) => ({ id, title, version: 1, description: '' })),
    municipality: { id: municipality, name, contact: { email: '', phone: '', address: '' }, privacyNoticeUrl: '', texts: {} },
  });

  it('falls back to form ids (no form is known by code) and capitalised municipality ids', () => {
    const catalog = fallbackCatalog(['heinola']);
    expect(formTitle(catalog, 'guidance')).toBe('guidance');
    expect(catalog.formIds).toEqual([]);
    expect(catalog.municipalityNames).toEqual({ heinola: 'Heinola' });
  });

  it('takes titles, names and the offered forms from the forms lists, skipping one that failed', () => {
    const catalog = mergeCatalog(
      ['heinola', 'orimattila', 'lahti'],
      [
        list('heinola', 'Heinola', [
          ['guidance', 'Ohjaus ja neuvonta (uusi)'],
          ['hobby', 'Harrastukset'],
        ]),
        list('orimattila', 'Orimattila', [
          ['orientation', 'Orientaatio'],
          ['guidance', 'Ohjaus'],
        ]),
        undefined,
      ],
    );
    expect(catalog.formIds).toEqual(['guidance', 'hobby', 'orientation']);
    expect(formTitle(catalog, 'guidance')).toBe('Ohjaus');
    expect(formTitle(catalog, 'feedback'), 'a form no list names').toBe('feedback');
    expect(catalog.municipalityNames).toEqual({ heinola: 'Heinola', orimattila: 'Orimattila', lahti: 'Lahti' });
  });
});
