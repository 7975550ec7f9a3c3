// `npm test`'s build check: exits 0 when `dist/` was built from exactly the inputs there are now
// (scripts/build-inputs.mjs), else 1, so that `npm test` runs `npm run build` (the web app, the forms lint, the
// server and Lambda bundles) only when something changed. `npm run build` always builds.
import { builtFrom, hashBuildInputs } from './build-inputs.mjs';

const inputs = hashBuildInputs();
if (builtFrom() === inputs) {
  console.log(`build: dist/ is up to date with its inputs (${inputs.slice(0, 12)}); not rebuilding (\`npm run build\` forces it)`);
} else {
  console.log('build: the inputs changed since dist/ was built; building');
  process.exitCode = 1;
}
