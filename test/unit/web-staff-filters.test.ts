import { describe, expect, it } from 'vitest';
import {
  AGE_CHOICES,
  activeFilterCount,
  csvHasAnswers,
  exportHref,
  filtersFromSearch,
  filtersToSearch,
  inboxApiQuery,
  NO_FILTERS,
  type InboxFilters,
} from '../../web/src/staff/inbox-filters.js';
import type { Member } from '../../web/src/staff/staff-api.js';

const member = (overrides: Partial<Member> = {}): Member => ({
  email: 'staff.heinola@koto.local',
  name: 'Heinolan kotoutumisohjaaja',
  role: 'staff',
  municipalities: ['heinola'],
  ...overrides,
});
const filters = (overrides: Partial<InboxFilters> = {}): InboxFilters => ({ ...NO_FILTERS, ...overrides });

describe('inbox filters in the page address', () => {
  it('round-trip in a stable order, and no filters is no query', () => {
    const all = filters({ status: 'waiting_resident', form: 'guidance', municipality: 'heinola', assignee: 'me', minAgeDays: 7 });
    expect(filtersToSearch(all)).toBe('?status=waiting_resident&form=guidance&municipality=heinola&assignee=me&minAgeDays=7');
    expect(filtersFromSearch(filtersToSearch(all))).toEqual(all);
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
  });

  it('ignore what is unknown or malformed', () => {
    expect(filtersFromSearch('?status=archived&form=../x&municipality=Hei%20nola&assignee=someone&minAgeDays=-3')).toEqual(NO_FILTERS);
    expect(filtersFromSearch('?minAgeDays=1.5&utm_source=mail')).toEqual(NO_FILTERS);
  });

  it('keep whose: me, nobody, or a colleague by email (lowercased)', () => {
    expect(filtersFromSearch('?assignee=none').assignee).toBe('none');
    expect(filtersFromSearch('?assignee=Aino.Toinen%40koto.local').assignee).toBe('aino.toinen@koto.local');
    expect(filtersToSearch(filters({ assignee: 'aino.toinen@koto.local' }))).toBe('?assignee=aino.toinen%40koto.local');
    for (const bad of ['a b@x', '@x', 'x@', 'x'.repeat(70) + '@x'])
      expect(filtersFromSearch(`?assignee=${encodeURIComponent(bad)}`)).toEqual(NO_FILTERS);
  });

  it("read the digest's links: new for over 2 days, nobody's, bounced; and keep them through the form", () => {
    expect(AGE_CHOICES).toContain(2);
    const stale = filtersFromSearch('?status=new&minAgeDays=2&form=guidance&municipality=heinola');
    expect(stale).toEqual(filters({ status: 'new', minAgeDays: 2, form: 'guidance', municipality: 'heinola' }));
    const nobodys = filtersFromSearch('?assignee=none&form=guidance&municipality=heinola');
    expect(nobodys).toEqual(filters({ assignee: 'none', form: 'guidance', municipality: 'heinola' }));
    expect(filtersToSearch(nobodys)).toBe('?form=guidance&municipality=heinola&assignee=none');
    const bounced = filtersFromSearch('?notification=failed&form=guidance&municipality=heinola');
    expect(bounced).toEqual(filters({ notificationFailed: true, form: 'guidance', municipality: 'heinola' }));
    expect(filtersFromSearch(filtersToSearch(bounced))).toEqual(bounced);
    expect(Object.fromEntries(new URLSearchParams(inboxApiQuery({ ...nobodys, notificationFailed: true }, member())))).toEqual({
      municipality: 'heinola',
      form: 'guidance',
      assignee: 'none',
      notification: 'failed',
    });
    expect(activeFilterCount({ ...nobodys, notificationFailed: true })).toBe(4);
    expect(filtersFromSearch('?notification=sent')).toEqual(NO_FILTERS);
  });

  it('count the filters in use', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount(filters({ status: 'new', assignee: 'me' }))).toBe(2);
  });
});

describe('the inbox API query', () => {
  it('turns "mine" into the member email and adds the page size and cursor', () => {
    const q = new URLSearchParams(
      inboxApiQuery(filters({ status: 'new', assignee: 'me', minAgeDays: 3 }), member(), { limit: 25, cursor: 'abc' }),
    );
    expect(Object.fromEntries(q)).toEqual({
      status: 'new',
      assignee: 'staff.heinola@koto.local',
      minAgeDays: '3',
      limit: '25',
      cursor: 'abc',
    });
  });

  it('passes nobody and a colleague on as they are', () => {
    expect(inboxApiQuery(filters({ assignee: 'none' }), member())).toBe('assignee=none');
    expect(inboxApiQuery(filters({ assignee: 'aino.toinen@koto.local' }), member())).toBe('assignee=aino.toinen%40koto.local');
  });

  it('drops a municipality that is not the member own (the API would answer 403)', () => {
    expect(inboxApiQuery(filters({ municipality: 'orimattila' }), member())).toBe('');
    expect(inboxApiQuery(filters({ municipality: 'heinola' }), member())).toBe('municipality=heinola');
  });
});

describe('the export links', () => {
  it('carry the format, the filters, and the only municipality of a one-municipality member', () => {
    expect(exportHref(NO_FILTERS, member(), 'xlsx')).toBe('/api/staff/export?format=xlsx&municipality=heinola');
    expect(exportHref(filters({ form: 'guidance', status: 'done' }), member(), 'csv-fi')).toBe(
      '/api/staff/export?format=csv-fi&status=done&form=guidance&municipality=heinola',
    );
    expect(csvHasAnswers(filters({ form: 'guidance' }), member())).toBe(true);
    expect(csvHasAnswers(NO_FILTERS, member())).toBe(false);
  });

  it('has answers for a member of two municipalities only once one is chosen', () => {
    const both = member({ municipalities: ['heinola', 'orimattila'] });
    expect(exportHref(filters({ form: 'hobby' }), both, 'csv')).toBe('/api/staff/export?format=csv&form=hobby');
    expect(csvHasAnswers(filters({ form: 'hobby' }), both)).toBe(false);
    expect(csvHasAnswers(filters({ form: 'hobby', municipality: 'orimattila' }), both)).toBe(true);
  });
});
