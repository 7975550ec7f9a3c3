import { describe, expect, it } from 'vitest';
import { isServerPath } from '../../schemas/src/server-paths.js';
import { SERVER_PATHS } from '../../web/vite/local-api.js';

describe('npm run dev', () => {
  it("hands Vite's dev server exactly the local server's paths, and keeps every page for the web app", () => {
    const proxied = new RegExp(SERVER_PATHS);
    const paths = [
      '/api/forms',
      '/api',
      '/a/abc.def',
      '/auth/verify?token=x',
      '/dev/mail',
      '/dev',
      '/',
      '/fi/heinola/guidance',
      '/staff',
      '/admin',
    ];
    const more = [
      '/apix',
      '/assets/x.js',
      '/a',
      '/auth',
      '/devices',
      '/src/main.tsx',
      '/@vite/client',
      '/@id/__x00__virtual:koto-validators',
    ];
    for (const path of [...paths, ...more])
      expect({ path, proxied: proxied.test(path) }).toEqual({ path, proxied: isServerPath(path.split('?')[0]!, true) });
    expect(paths.filter((p) => proxied.test(p))).toHaveLength(6);
  });
});
