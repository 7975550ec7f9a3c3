import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompiledValidators } from './web/vite/precompiled-validators.js';
import { slimRjsf } from './web/vite/slim-rjsf.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react(), precompiledValidators(here('./schemas')), slimRjsf()],
  resolve: {
    // rjsf dependencies that our flat, plain-text forms never need at full size (see each shim).
    alias: [
      { find: /^markdown-to-jsx\/react$/, replacement: here('./web/src/shims/markdown-to-jsx.ts') },
      { find: /^fast-uri$/, replacement: here('./web/src/shims/fast-uri.ts') },
      // Preact's React compatibility layer instead of react-dom: about 55 KiB gzip less on every page (docs/quality.md's
      // page budget); the code is written and typed against React's API, and the browser tests run on this build.
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  server: { fs: { allow: [here('.')] } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Old phones: keep the JS modern-but-not-newest; CSS stays plain.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78'],
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
