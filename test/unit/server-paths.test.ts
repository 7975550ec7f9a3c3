import { describe, expect, it } from 'vitest';
import { isServerPath, serverPathPatterns } from '../../schemas/src/server-paths.js';

describe('the paths the server owns', () => {
  it('are the API, action links and the sign-in page; the outbox only locally; every other path is a page', () => {
    for (const path of ['/api/forms', '/a/abc.def', '/auth/verify', '/api']) expect(isServerPath(path), path).toBe(true);
    for (const path of ['/', '/fi/heinola/guidance', '/staff', '/admin', '/apix', '/assets/x.js', '/dev/mail'])
      expect(isServerPath(path), path).toBe(false);
    expect(isServerPath('/dev/mail', true)).toBe(true);
  });

  it('give CloudFront its path patterns', () => {
    expect(serverPathPatterns()).toEqual(['/api/*', '/a/*', '/auth/*']);
  });
});
