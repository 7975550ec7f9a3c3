import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Unpacks the tests' Chromium (test/support/chromium.ts) once, before the workers start.
    globalSetup: ['test/support/global-setup.ts'],
    // docs/stack.md: the SDK's Node 20 support notice is harmless on this machine; keep test output readable.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
