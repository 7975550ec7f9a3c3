import { cpSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintForm, lintMunicipality } from '../../schemas/src/index.js';
import { readCatalog, readCheckedCatalog } from '../../functions/src/adapters/file-catalog.js';

const catalog = readCatalog('schemas');
const formIds = catalog.forms.map((f) => f.id);
const [heinola, orimattila] = catalog.municipalities.map(({ texts: _texts, ...data }) => data);

describe('every form definition under schemas/forms', () => {
  it('includes the five services', () => {
    expect(formIds.sort()).toEqual(['feedback', 'guidance', 'hobby', 'orientation', 'registration']);
  });

  for (const form of catalog.forms) {
    it(`${form.id} passes the lint`, () => {
      expect(lintForm(form)).toEqual([]);
    });
  }
});

/** Heinola's file as read, with overrides, linted beside Orimattila's. */
function lintHeinola(overrides: Record<string, unknown> = {}, file = 'heinola.json'): string[] {
  return lintMunicipality({ ...structuredClone(heinola), ...overrides }, { file, formIds, others: [orimattila] });
}

describe('lintMunicipality', () => {
  it('passes both municipalities as they are', () => {
    expect(catalog.municipalities.map((m) => m.id)).toEqual(['heinola', 'orimattila']);
    expect(lintHeinola()).toEqual([]);
    expect(lintMunicipality(orimattila, { file: 'orimattila.json', formIds, others: [heinola] })).toEqual([]);
  });

  it('wants the id to be the file name', () => {
    expect(lintHeinola({ id: 'heinola ' })).toEqual(['heinola.json: id "heinola " must be the file name, "heinola"']);
    expect(lintHeinola({}, 'heinola-2.json')).toEqual(['heinola-2.json: id "heinola" must be the file name, "heinola-2"']);
  });

  it('wants every offered form to exist, once', () => {
    expect(lintHeinola({ forms: ['guidance', 'housing', 'guidance'] })).toEqual([
      'heinola.json: forms: "housing" is no form of the catalog',
      'heinola.json: forms: "guidance" is listed twice',
      ...['registration', 'hobby', 'orientation', 'feedback'].map(
        (f) => `heinola.json: routing.${f} names no form the municipality offers`,
      ),
    ]);
  });

  it('wants routing keys to be default or an offered form', () => {
    const routing = { ...heinola!.routing, guidanse: ['kotoutuminen@heinola.fi'] };
    expect(lintHeinola({ routing })).toEqual(['heinola.json: routing.guidanse names no form the municipality offers']);
  });

  it('refuses an empty routing list, which would win over default and mail nobody', () => {
    expect(lintHeinola({ routing: { ...heinola!.routing, hobby: [] } })).toEqual([
      'heinola.json: routing.hobby must list at least one mailbox',
    ]);
    expect(lintHeinola({ routing: { ...heinola!.routing, default: 'kotoutuminen@heinola.fi' } })).toEqual([
      'heinola.json: routing.default must list at least one mailbox',
    ]);
  });

  it('refuses a mailbox that is no email address', () => {
    const routing = { ...heinola!.routing, guidance: ['kotoutumisohjaaja@heinola', 'ohjaus heinola.fi'] };
    expect(lintHeinola({ routing, contact: { ...heinola!.contact, email: 'kotoutuminen(at)heinola.fi' } })).toEqual([
      'heinola.json: routing.guidance: "kotoutumisohjaaja@heinola" is no valid mailbox',
      'heinola.json: routing.guidance: "ohjaus heinola.fi" is no valid mailbox',
      'heinola.json: contact.email "kotoutuminen(at)heinola.fi" is no valid mailbox',
    ]);
  });

  it('wants a reference prefix of three capital letters that no other municipality uses', () => {
    expect(lintHeinola({ referencePrefix: 'Hei' })).toEqual(['heinola.json: referencePrefix "Hei" must be three capital letters A–Z']);
    expect(lintHeinola({ referencePrefix: 'HEIN' })).toEqual(['heinola.json: referencePrefix "HEIN" must be three capital letters A–Z']);
    expect(lintHeinola({ referencePrefix: 'ORI' })).toEqual([
      'heinola.json: referencePrefix ORI is also used by "orimattila"; references must tell municipalities apart',
    ]);
  });

  it('wants the contact details and an https privacy notice', () => {
    expect(lintHeinola({ contact: undefined })).toEqual(['heinola.json: contact is missing']);
    expect(lintHeinola({ contact: { email: 'kotoutuminen@heinola.fi', phone: ' ' } })).toEqual([
      'heinola.json: contact.phone is missing',
      'heinola.json: contact.address is missing',
    ]);
    expect(lintHeinola({ privacyNoticeUrl: 'http://www.heinola.fi/tietosuoja' })).toEqual([
      'heinola.json: privacyNoticeUrl "http://www.heinola.fi/tietosuoja" must be an https address',
    ]);
    expect(lintHeinola({ privacyNoticeUrl: 'heinola.fi/tietosuoja' })).toHaveLength(1);
  });
});

describe('readCatalog', () => {
  it('refuses municipality files with problems, naming each one', () => {
    const root = mkdtempSync(join(tmpdir(), 'koto-schemas-'));
    try {
      cpSync('schemas', root, { recursive: true });
      writeFileSync(
        join(root, 'municipalities', 'heinola.json'),
        JSON.stringify({ ...heinola, routing: { default: [] }, referencePrefix: 'ORI' }),
      );
      expect(() => readCatalog(root)).toThrow(
        [
          `Municipality files in ${join(root, 'municipalities')} have problems:`,
          // The shape first: the rest of a file of the wrong shape waits until it is fixed.
          'heinola.json/routing/default: This needs at least 1 entry. At least one mailbox: an empty list would win over default and mail nobody.',
          'orimattila.json: referencePrefix ORI is also used by "heinola"; references must tell municipalities apart',
        ].join('\n'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses shared texts without a review flag for a language that has them', () => {
    const root = mkdtempSync(join(tmpdir(), 'koto-schemas-'));
    try {
      cpSync('schemas', root, { recursive: true });
      const file = join(root, 'shared-texts.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { languages: Record<string, unknown> };
      delete data.languages['th'];
      data.languages['xx'] = { reviewed: true };
      data.languages['sv'] = { reviewed: 'yes' };
      writeFileSync(file, JSON.stringify(data));
      expect(() => readCatalog(root)).toThrow(
        [
          `${file} has problems:`,
          'sv: needs a known language and "reviewed": true or false',
          'xx: needs a known language and "reviewed": true or false',
          'th: has interface texts but no review flag',
        ].join('\n'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a form with problems when checked, as the local server and the build do', () => {
    const root = mkdtempSync(join(tmpdir(), 'koto-schemas-'));
    try {
      cpSync('schemas', root, { recursive: true });
      const file = join(root, 'forms', 'guidance', 'texts', 'fi.json');
      const texts = JSON.parse(readFileSync(file, 'utf8')) as { fields: { fullName: { label: string } } };
      texts.fields.fullName.label = '';
      writeFileSync(file, JSON.stringify(texts));
      expect(() => readCheckedCatalog(root)).toThrow(`Form definitions in ${join(root, 'forms')} have problems:`);
      // A Lambda reads the catalog the build checked, without compiling every schema again at cold start.
      expect(readCatalog(root).forms.find((f) => f.id === 'guidance')?.texts.fi?.fields['fullName']?.label).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
