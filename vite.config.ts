import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompiledValidators } from './web/vite/precompiled-validators.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react(), precompiledValidators(here('./schemas'))],
  resolve: {
    // rjsf dependencies that our flat, plain-text forms never need at full size (see each shim).
    alias: [
      { find: /^markdown-to-jsx\/react$/, replacement: here('./web/src/shims/markdown-to-jsx.ts') },
      { find: /^fast-uri$/, replacement: here('./web/src/shims/fast-uri.ts') },
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
