import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeNextPath } from '../../schemas/src/next-path.js';
import { requestSignInLink } from '../../web/src/staff/staff-api.js';
import { parseStaffPath, submissionPath } from '../../web/src/staff/staff-routes.js';

describe('the page to land on after sign-in', () => {
  it('is a page of the staff area, such as a submission opened from a notification', () => {
    expect(safeNextPath(submissionPath('HEI-7KQ4-M2X9'))).toBe('/staff/submissions/HEI-7KQ4-M2X9');
    expect(parseStaffPath(safeNextPath('/staff/submissions/HEI-7KQ4-M2X9')!)).toEqual({ view: 'submission', reference: 'HEI-7KQ4-M2X9' });
    expect(safeNextPath('/staff/submissions/HEI-7KQ4-M2X9/')).toBe('/staff/submissions/HEI-7KQ4-M2X9/');
  });

  it("is an emailed action link's confirm page, whose payload may be long", () => {
    const token = `${Buffer.from(JSON.stringify(['HEI-7KQ4-M2X9', 'claim', `${'k'.repeat(240)}@heinola.fi`, 1])).toString('base64url')}.${'s'.repeat(43)}`;
    expect(safeNextPath(`/a/${token}`)).toBe(`/a/${token}`);
    expect(safeNextPath('/a/abc_-.DEF-_')).toBe('/a/abc_-.DEF-_');
  });

  it('is nothing for a path that could lead elsewhere or outside /staff/', () => {
    for (const unsafe of [
      undefined,
      42,
      '',
      '/staff',
      '/staff/',
      '/admin',
      '/staffs/x',
      'staff/submissions/X',
      '//evil.example/staff/x',
      '/staff//evil.example',
      'https://evil.example/staff/x',
      'javascript:alert(1)//staff/x',
      '/staff/\\evil.example',
      '/staff/..',
      '/staff/../admin',
      '/staff/./x',
      '/staff/%2e%2e/admin',
      '/staff/%2F%2Fevil.example',
      '/staff/x?next=//evil.example',
      '/staff/x#y',
      '/staff/x\n/y',
      '/staff/x y',
      `/staff/${'a'.repeat(200)}`,
      '/a/',
      '/a/abc',
      '/a/abc.',
      '/a/.def',
      '/a/abc.def.ghi',
      '/a/abc.def/',
      '/a/abc.def/x',
      '/a/../staff',
      '/a/abc.def?x=1',
      '/a/abc.def#x',
      '/a/abc%2Edef',
      '/a/abc.d\\ef',
      '//a/abc.def',
      '/A/abc.def',
      'https://evil.example/a/abc.def',
      `/a/${'a'.repeat(800)}.def`,
    ]) {
      expect(safeNextPath(unsafe), String(unsafe)).toBeUndefined();
    }
  });
});

describe('asking for a sign-in link', () => {
  afterEach(() => vi.unstubAllGlobals());

  function recordFetch(): { bodies: unknown[] } {
    const seen = { bodies: [] as unknown[] };
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ status: 'accepted' }), { status: 202 });
    });
    return seen;
  }

  it('carries the staff page the member was on, and drops an unsafe one', async () => {
    const seen = recordFetch();
    await requestSignInLink('staff.heinola@koto.local', '/staff/submissions/HEI-7KQ4-M2X9');
    await requestSignInLink('staff.heinola@koto.local', '//evil.example/staff/x');
    await requestSignInLink('staff.heinola@koto.local', '/staff');
    expect(seen.bodies).toEqual([
      { email: 'staff.heinola@koto.local', next: '/staff/submissions/HEI-7KQ4-M2X9' },
      { email: 'staff.heinola@koto.local' },
      { email: 'staff.heinola@koto.local' },
    ]);
  });
});
