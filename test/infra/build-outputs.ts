import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Stand-ins for `npm run build` output, laid out under `root` as the build lays it out. */
export function writeBuildOutputs(root: string): void {
  for (const fn of ['api', 'notifier']) {
    mkdirSync(join(root, 'dist/lambda', fn), { recursive: true });
    writeFileSync(join(root, 'dist/lambda', fn, 'index.mjs'), 'export const handler = async () => ({});\n');
  }
  mkdirSync(join(root, 'dist/web/assets'), { recursive: true });
  writeFileSync(join(root, 'dist/web/index.html'), '<!doctype html><title>Koto</title>\n');
  writeFileSync(join(root, 'dist/web/assets/index-abc123.js'), 'export {};\n');
}
