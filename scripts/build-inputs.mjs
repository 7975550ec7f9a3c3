// What `npm run build` reads, as one hash, and the stamp that says which inputs `dist/` was built from.
//
//   node scripts/build-inputs.mjs start   (prebuild)  forget the stamp; remember the inputs the build starts from
//   node scripts/build-inputs.mjs done    (postbuild) the build succeeded: those inputs are now the stamp
//
// The hash is taken before the build, so a file saved while it runs makes the next `npm test` build again. A
// failed or interrupted build leaves no stamp. `scripts/build-if-changed.mjs` compares the stamp with the inputs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Folders and files the build reads: the web app, the forms and kit, the server, and how they are built. */
export const BUILD_INPUTS = [
  'web',
  'schemas',
  'functions/src',
  'vite.config.ts',
  'scripts/build-functions.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** What the build writes; a stamp is trusted only while all of it is there. */
export const BUILD_OUTPUTS = [
  'dist/web/index.html',
  'dist/server/local-server.mjs',
  'dist/server/put-staff.mjs',
  'dist/lambda/api/index.mjs',
  'dist/lambda/notifier/index.mjs',
];

export const STAMP = join(root, 'dist', '.build-inputs');
const PENDING = join(root, 'dist', '.build-inputs.pending');

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** sha256 over every input file's path and bytes, and the Node version that builds them. */
export function hashBuildInputs() {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(join(root, input)))) {
    hash
      .update(`${relative(root, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  }
  return hash.digest('hex');
}

export function builtFrom() {
  if (!BUILD_OUTPUTS.every((output) => existsSync(join(root, output)))) return undefined;
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const step = process.argv[2];
  if (step === 'start') {
    rmSync(STAMP, { force: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(PENDING, `${hashBuildInputs()}\n`);
  } else if (step === 'done') {
    if (existsSync(PENDING)) renameSync(PENDING, STAMP);
  } else {
    console.error('usage: node scripts/build-inputs.mjs start|done');
    process.exit(2);
  }
}
