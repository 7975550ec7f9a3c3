import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { webAliases } from './web/vite/aliases.js';

/**
 * The browser files first: they are the long ones, so the quick files fill in at the end. Vitest alone orders by
 * the durations it remembers, and on a first run (CI's fresh clone) by file size, which put the matrix files last.
 */
class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const inBrowser = (file: TestSpecification) => file.moduleId.includes('/test/browser/');
    return [...sorted.filter(inBrowser), ...sorted.filter((file) => !inBrowser(file))];
  }
}

export default defineConfig({
  // What ships: the web app's modules resolve as in the build (Preact for React, the size shims).
  resolve: { alias: webAliases },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    pool: 'forks',
    // A worker keeps its module cache from one test file to the next, instead of importing the app, the AWS SDK and
    // Playwright again for each of the 140 files: that import was half of the non-browser files' CPU time (531 s of
    // user and system time for them with isolation, 263 s without). What a file changes in the shared process it
    // puts back; `shared-process.ts` fails a file that leaves the environment changed.
    isolate: false,
    setupFiles: ['test/support/shared-process.ts'],
    // Two test files at a time: the machines have 2 cores (vitest would take one less), so at most two Chromiums
    // run at once, and the long browser files share the time with each other and with the quick ones.
    maxWorkers: 2,
    fileParallelism: true,
    sequence: { sequencer: BrowserFilesFirst },
    // Concurrent tests of one file (the accessibility matrix: `describe.concurrent`) at a time: three pages.
    maxConcurrency: 3,
    // Limits catch a hang, never a slow machine: every test is short, and a loaded 2-core machine is many times slower.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // `expect.poll` waits up to this long for the page or the store to catch up (vitest's default is one second).
    expect: { poll: { timeout: 30_000 } },
    // Unpacks the tests' Chromium (test/support/chromium.ts) once, before the workers start.
    globalSetup: ['test/support/global-setup.ts'],
    // rjsf and its markdown dependency import `react` too: resolve them through the aliases above rather than
    // load them straight from node_modules, where `react` is React itself.
    server: { deps: { inline: [/\/@rjsf\//, /\/markdown-to-jsx\//] } },
    // docs/stack.md: the SDK's Node 20 support notice is harmless on this machine; keep test output readable.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
