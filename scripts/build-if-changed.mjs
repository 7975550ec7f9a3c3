// `npm test`'s build: runs `npm run build` (the web app, the forms lint, the server and Lambda bundles) unless
// `dist/` was built from exactly the inputs there are now (scripts/build-inputs.mjs). `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { builtFrom, hashBuildInputs } from './build-inputs.mjs';

const inputs = hashBuildInputs();
if (builtFrom() === inputs) {
  console.log(`build: dist/ is up to date with its inputs (${inputs.slice(0, 12)}); not rebuilding (\`npm run build\` forces it)`);
} else {
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const result = spawnSync(npm[0], [...npm[1], 'run', 'build'], { stdio: 'inherit' });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
