import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../web/src/routes.js';
import { formatReference } from '../../schemas/src/reference.js';
import { parseStaffPath, REPORTS_PATH, submissionPath } from '../../web/src/staff/staff-routes.js';

describe('staff paths', () => {
  it('belong to the staff area, whatever follows /staff', () => {
    expect(parseRoute('/staff')).toEqual({ page: 'staff' });
    expect(parseRoute('/staff/submissions/HEI-7KQ4-M2X9')).toEqual({ page: 'staff' });
    expect(parseRoute('/staffs')).toEqual({ page: 'notFound' });
  });

  it('name the inbox and one submission; a reference in the path is accepted in any case', () => {
    expect(parseStaffPath('/staff')).toEqual({ view: 'inbox' });
    expect(parseStaffPath('/staff/')).toEqual({ view: 'inbox' });
    expect(parseStaffPath('/staff/submissions/HEI-7KQ4-M2X9')).toEqual({ view: 'submission', reference: 'HEI-7KQ4-M2X9' });
    expect(parseStaffPath('/staff/submissions/hei%207kq4%20m2x9')).toEqual({ view: 'submission', reference: 'HEI-7KQ4-M2X9' });
  });

  it('name the reports page, its choices in the query', () => {
    expect(parseStaffPath(REPORTS_PATH)).toEqual({ view: 'reports' });
    expect(parseStaffPath('/staff/reports/')).toEqual({ view: 'reports' });
    expect(parseStaffPath('/staff/reports/2026')).toEqual({ view: 'notFound' });
  });

  it('are not found for other shapes', () => {
    expect(parseStaffPath('/staff/submissions')).toEqual({ view: 'notFound' });
    expect(parseStaffPath('/staff/submissions/not-a-reference')).toEqual({ view: 'notFound' });
    expect(parseStaffPath('/staff/submissions/%E0%A4%A')).toEqual({ view: 'notFound' });
    expect(parseStaffPath('/staff/settings')).toEqual({ view: 'notFound' });
  });

  it('link to a submission by its reference', () => {
    expect(submissionPath('HEI-7KQ4-M2X9')).toBe('/staff/submissions/HEI-7KQ4-M2X9');
    expect(parseStaffPath(submissionPath('ORI-2345-6789'))).toEqual({ view: 'submission', reference: 'ORI-2345-6789' });
  });
});

describe('a typed reference', () => {
  it('is written the system way from any case, spaces or missing dashes', () => {
    for (const typed of ['HEI-7KQ4-M2X9', 'hei-7kq4-m2x9', ' hei 7kq4 m2x9 ', 'HEI7KQ4M2X9', 'hei–7kq4–m2x9']) {
      expect(formatReference(typed)).toBe('HEI-7KQ4-M2X9');
    }
  });

  it('is null when it cannot be a reference (wrong length, 0/O/1/I, other characters)', () => {
    for (const typed of [
      '',
      'HEI',
      'HEI-7KQ4-M2X',
      'HEI-7KQ4-M2X99',
      'HEI-0KQ4-M2X9',
      'HEI-OKQ4-M2X9',
      'HEI-1KQ4-M2X9',
      'HEI-IKQ4-M2X9',
      'HE1-7KQ4-M2X9',
      'HEI/7KQ4/M2X9',
    ]) {
      expect(formatReference(typed)).toBeNull();
    }
  });
});
