import { readFileSync } from 'node:fs';
import * as compat from 'preact/compat';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { preactAliases } from '../../web/vite/aliases.js';

const baseTsconfig = JSON.parse(readFileSync('tsconfig.base.json', 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

describe('what ships is what is checked: React’s API on Preact', () => {
  it('resolves react and react-dom to preact/compat in the unit tests, as in the build', () => {
    expect(React.useState).toBe(compat.useState);
    expect(React.forwardRef).toBe(compat.forwardRef);
    expect(typeof createRoot).toBe('function');
  });

  it('type-checks against the same modules the build and the tests use (tsconfig paths = the aliases)', () => {
    const paths = baseTsconfig.compilerOptions.paths;
    const aliased = preactAliases.map(({ find, replacement }) => [find.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/'), replacement]);
    expect(Object.keys(paths).sort()).toEqual(aliased.map(([name]) => name).sort());
    for (const [name, replacement] of aliased) {
      // jsx-dev-runtime has no types of its own in preact; it is typed by jsx-runtime's.
      const typedBy = replacement!.replace(/jsx-dev-runtime$/, 'jsx-runtime');
      expect({ name, path: paths[name!] }).toEqual({ name, path: [`./node_modules/${typedBy}`] });
    }
  });
});
