import { formTabPath, parseAdminPath } from '../../web/src/admin/admin-routes.js';
import type { FormLanguages } from '../../web/src/staff/staff-api.js';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../web/src/routes.js';
import {
  auditActionLabel,
  auditDetail,
  LANGUAGE_COLUMNS,
  newestFirst,
  REVIEW_LABELS,
  reviewState,
} from '../../web/src/staff/admin-format.js';
import { ADMIN_PATH, parseStaffPath } from '../../web/src/staff/staff-routes.js';

describe('the admin path', () => {
  it('belongs to the staff area and names the admin view', () => {
    expect(parseRoute('/admin')).toEqual({ page: 'staff' });
    expect(parseStaffPath(ADMIN_PATH)).toEqual({ view: 'admin' });
    expect(parseStaffPath('/admin/')).toEqual({ view: 'admin' });
    // Everything under /admin is the workbench's; it parses the rest.
    expect(parseStaffPath('/admin/forms/hobby')).toEqual({ view: 'admin' });
    expect(parseRoute('/administration')).toEqual({ page: 'notFound' });
  });
});

describe('the workbench paths', () => {
  it('name the form list, a form and its tab, staff and municipalities; anything else is not found', () => {
    expect(parseAdminPath('/admin')).toEqual({ view: 'forms' });
    expect(parseAdminPath('/admin/forms/hobby')).toEqual({ view: 'form', formId: 'hobby', tab: 'questions' });
    expect(parseAdminPath('/admin/forms/library-card/json')).toEqual({ view: 'form', formId: 'library-card', tab: 'json' });
    expect(parseAdminPath(formTabPath('hobby', 'json'))).toEqual({ view: 'form', formId: 'hobby', tab: 'json' });
    expect(formTabPath('hobby')).toBe('/admin/forms/hobby');
    expect(parseAdminPath('/admin/staff')).toEqual({ view: 'staff' });
    expect(parseAdminPath('/admin/municipalities')).toEqual({ view: 'municipalities' });
    for (const path of ['/admin/other', '/admin/forms/Hobby', '/admin/forms/hobby/unknown-tab', '/admin/forms/%E0%A4%A', '/admin/forms'])
      expect(parseAdminPath(path), path).toEqual({ view: 'notFound' });
  });
});

describe("a form's language", () => {
  const form: Pick<FormLanguages, 'languages'> = {
    languages: [
      { lang: 'fi', reviewed: true, offered: true },
      { lang: 'en', reviewed: false, offered: true },
      { lang: 'th', reviewed: true, offered: false },
    ],
  };

  it('is reviewed, offered unreviewed, or not offered (also when missing from the metadata)', () => {
    expect(reviewState(form, 'fi')).toBe('reviewed');
    expect(reviewState(form, 'en')).toBe('unreviewed');
    expect(reviewState(form, 'th')).toBe('notOffered');
    expect(reviewState(form, 'sv')).toBe('notOffered');
    expect([REVIEW_LABELS.reviewed, REVIEW_LABELS.unreviewed, REVIEW_LABELS.notOffered]).toEqual([
      'tarkistettu',
      'ei tarkistettu',
      'ei tarjolla',
    ]);
  });

  it('has a column for each of the ten languages, Finnish first', () => {
    expect(LANGUAGE_COLUMNS.map((l) => l.code)).toEqual(['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'fa', 'th', 'tl']);
  });
});

describe('audit entries', () => {
  it('name the action in Finnish; an unknown one as it came', () => {
    expect(['read', 'update', 'export', 'other'].map(auditActionLabel)).toEqual(['luki', 'muutti', 'vei tiedostona', 'other']);
  });

  it('say in Finnish what an update changed, and keep other details as they came', () => {
    expect(auditDetail({ action: 'update', detail: 'status,note' })).toBe('tila, muistiinpano');
    expect(auditDetail({ action: 'update', detail: 'assign' })).toBe('käsittelijä');
    expect(auditDetail({ action: 'export', detail: 'csv' })).toBe('csv');
    expect(auditDetail({ action: 'read' })).toBeUndefined();
  });

  it('are listed newest first; entries of the same moment latest recorded first', () => {
    const entries = [
      { at: '2026-03-02T10:00:00.000Z', id: 'a' },
      { at: '2026-03-02T11:00:00.000Z', id: 'b' },
      { at: '2026-03-02T11:00:00.000Z', id: 'c' },
      { at: '2026-03-01T09:00:00.000Z', id: 'd' },
    ];
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
