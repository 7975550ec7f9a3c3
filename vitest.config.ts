import { defineConfig } from 'vitest/config';
import { webAliases } from './web/vite/aliases.js';

export default defineConfig({
  // What ships: the web app's modules resolve as in the build (Preact for React, the size shims).
  resolve: { alias: webAliases },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // rjsf and its markdown dependency import `react` too: resolve them through the aliases above rather than
    // load them straight from node_modules, where `react` is React itself.
    server: { deps: { inline: [/\/@rjsf\//, /\/markdown-to-jsx\//] } },
    // docs/stack.md: the SDK's Node 20 support notice is harmless on this machine; keep test output readable.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
