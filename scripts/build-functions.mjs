// Bundles the server entry points with esbuild: the local server (dependencies stay in node_modules) and the
// two Lambdas (self-contained, with the form catalog copied beside them).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Node 20 reads `import … with { type: 'json' }` (the lint imports ajv's secure meta-schema from node_modules);
  // esbuild would drop the attribute for node20, and Node refuses a JSON import without it.
  supported: { 'import-attributes': true },
  // Some CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

rmSync('dist/server', { recursive: true, force: true });
rmSync('dist/lambda', { recursive: true, force: true });

await build({
  ...common,
  entryPoints: {
    'local-server': 'functions/src/entry/local-server.ts',
    'put-staff': 'functions/src/entry/put-staff.ts',
    'check-catalog': 'functions/src/entry/check-catalog.ts',
    forms: 'functions/src/entry/forms-cli.ts',
  },
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
});

// The Lambdas read the catalog copied beside them without linting it at every cold start: the build does, once.
execFileSync(process.execPath, ['dist/server/check-catalog.mjs', 'schemas'], { stdio: 'inherit' });

for (const name of ['api', 'notifier']) {
  const outdir = `dist/lambda/${name}`;
  await build({
    ...common,
    entryPoints: { index: `functions/src/entry/lambda-${name}.ts` },
    outdir,
    outExtension: { '.js': '.mjs' },
    minify: true,
  });
  // What readCatalog reads (the staff directory and accessibility statements are not used in AWS).
  for (const part of ['forms', 'municipalities', 'texts', 'shared-texts.json'])
    cpSync(`schemas/${part}`, `${outdir}/schemas/${part}`, { recursive: true });
}
console.log('built dist/server/{local-server,put-staff,check-catalog,forms} and dist/lambda/{api,notifier}');
