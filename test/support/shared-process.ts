import { afterAll } from 'vitest';

/*
 * Test files share their worker's process and module cache (vitest.config.ts: `isolate: false`), so what one file
 * leaves behind the next one finds. Each file must put back the environment it changed: a file that leaves
 * `process.env` changed fails here, naming the variables (a Lambda test's table name and store address once
 * reached the servers a later file started). Use `vi.stubEnv` and `vi.unstubAllEnvs`.
 */
const before = { ...process.env };

afterAll(() => {
  const names = new Set([...Object.keys(before), ...Object.keys(process.env)]);
  const changed = [...names].filter((name) => before[name] !== process.env[name]).sort();
  if (changed.length > 0)
    throw new Error(`this file left process.env changed (${changed.join(', ')}); use vi.stubEnv and vi.unstubAllEnvs`);
});
