import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { webAliases } from './web/vite/aliases.js';
import { precompiledValidators } from './web/vite/precompiled-validators.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react(), precompiledValidators(here('./schemas'))],
  resolve: { alias: webAliases },
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
