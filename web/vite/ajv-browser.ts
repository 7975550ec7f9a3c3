import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const AJV_BROWSER_SHIM = fileURLToPath(new URL('../src/shims/ajv-browser.ts', import.meta.url));

/**
 * The kit's `createAjv()` in the browser: the build swaps ajv for a shim that only collects the house formats, which
 * the validator modules the server generates (`schemas/src/validator-source.ts`) call at run time. ajv's compiler
 * needs `new Function`, which the CSP forbids, and its weight stays off the page.
 */
export function ajvBrowserShim(): Plugin {
  return {
    name: 'koto-ajv-browser-shim',
    enforce: 'pre',
    resolveId(id, importer) {
      // Only the app's own imports: the server keeps the real compiler, and so do ajv's own modules.
      if (id === 'ajv' && importer && !importer.includes('node_modules')) return AJV_BROWSER_SHIM;
      return null;
    },
  };
}
