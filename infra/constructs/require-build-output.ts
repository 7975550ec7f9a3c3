import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A build output the app deploys is not there: the build has not run. */
export class MissingBuildOutput extends Error {
  override readonly name = 'MissingBuildOutput';
}

/** Returns `dir` when `dir/file` exists; otherwise fails synthesis with the command that produces it. */
export function requireBuildOutput(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new MissingBuildOutput(`${path} is missing: run \`npm run build\` before synthesizing the CDK app`);
  }
  return dir;
}
