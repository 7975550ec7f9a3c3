import { fileURLToPath } from 'node:url';
import prefresh from '@prefresh/vite';
import { defineConfig } from 'vite';
import { webAliases } from './web/vite/aliases.js';
import { localApi } from './web/vite/local-api.js';
import { ajvBrowserShim } from './web/vite/ajv-browser.js';
import { slimRjsf } from './web/vite/slim-rjsf.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Modules every area loads: `test/browser/page-weight.test.ts` checks that a resident page loads no staff chunk. */
const SHARED_RUNTIME =
  /node_modules[\\/](preact|i18next)[\\/]|schemas[\\/]src[\\/](statuses|languages|i18n|reference|server-paths|numbers)\.ts$|web[\\/]src[\\/](router|use-async|i18n)\.ts$/;

export default defineConfig({
  root: 'web',
  // Prefresh: Preact's hot reload (React's Fast Refresh cannot refresh Preact); localApi: `npm run dev` only.
  plugins: [await prefresh(), ajvBrowserShim(), slimRjsf(), localApi()],
  // JSX as React's API writes it: react/jsx-runtime, which the aliases turn into Preact's.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: webAliases },
  server: { port: 5173, fs: { allow: [here('.')] } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Old phones: keep the JS modern-but-not-newest; CSS stays plain.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78'],
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // The form lint's regex checker (safe-regex2 and its parser, ret) is CommonJS, which is not tree-shaken by
    // itself: the kit's index brings the lint along, which the page never calls. Nothing of theirs runs on import.
    rolldownOptions: {
      // The kit (schemas/src) only defines things: nothing in it runs for its effect on import, so a module of it that a
      // chunk does not use (the staff and admin contracts, the lint) is left out of that chunk.
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules[\\/](safe-regex2|ret)[\\/]/, sideEffects: false },
          { test: /schemas[\\/]src[\\/]/, sideEffects: false },
        ],
      },
      // The runtime every page shares (Preact, i18next, the router and the kit's small shared modules) stays one chunk.
      // Without this group rolldown splits it by which lazy chunks reach each module (rolldown/rolldown#10731): the
      // admin workbench, loaded only by admins, would cut three more small files out of every resident page.
      output: { advancedChunks: { groups: [{ name: 'runtime', test: SHARED_RUNTIME }] } },
    },
  },
});
