import { fileURLToPath } from 'node:url';

/**
 * React's API, Preact's runtime: every `react` and `react-dom` import, ours and rjsf's, resolves to Preact's
 * compatibility layer (about 55 KiB gzip less on every page than react-dom; docs/notes.md). The build
 * (vite.config.ts) and the unit tests (vitest.config.ts) read this list; the type check's `paths`
 * (tsconfig.base.json) say the same, which test/unit/preact-compat.test.ts keeps true.
 */
export const preactAliases = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Everything the web app's modules resolve differently from node_modules: rjsf dependencies that our flat,
 * plain-text forms never need at full size or at all (see each shim), and Preact for React.
 */
export const webAliases = [
  { find: /^markdown-to-jsx\/react$/, replacement: here('../src/shims/markdown-to-jsx.ts') },
  { find: /^fast-uri$/, replacement: here('../src/shims/fast-uri.ts') },
  { find: /^@rjsf\/validator-ajv8$/, replacement: here('../src/shims/rjsf-validator-ajv8.ts') },
  ...preactAliases,
];
