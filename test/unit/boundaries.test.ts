import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_MODULES } from '../support/config-modules.js';

/** Every TypeScript file under `dir` with the module specifiers it imports (static and dynamic). */
function importsUnder(dir: string): { file: string; specifier: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return importsUnder(path);
    if (!/\.tsx?$/.test(name)) return [];
    const source = readFileSync(path, 'utf8');
    return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => ({ file: path, specifier: m[1]! }));
  });
}

/** The files of code (TypeScript, JavaScript modules) under `dir` that mention `pattern`. */
function filesMentioning(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesMentioning(path, pattern);
    return /\.(tsx?|m?js)$/.test(name) && pattern.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

/** A tsconfig file's options after its `extends` chain (line comments allowed, as tsc allows them). */
function tsconfig(path: string): { compilerOptions: Record<string, unknown>; include?: string[] } {
  const read = (file: string): { extends?: string; compilerOptions?: Record<string, unknown>; include?: string[] } =>
    JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const own = read(path);
  const base = own.extends ? tsconfig(join(dirname(path), own.extends)) : { compilerOptions: {} };
  return { ...base, ...own, compilerOptions: { ...base.compilerOptions, ...own.compilerOptions } };
}

const show = (list: { file: string; specifier: string }[]) => list.map((i) => `${i.file} imports ${i.specifier}`);

describe('the architecture holds by itself', () => {
  it('the web app imports nothing of the server: what both need is in the kit (schemas/src)', () => {
    expect(show(importsUnder('web/src').filter((i) => i.specifier.includes('functions/')))).toEqual([]);
  });

  it('the kit runs in a browser and on a server: no Node, AWS, Hono, React or server code', () => {
    const forbidden = /^(node:|@aws-sdk|hono|react|preact)|functions\/|web\//;
    expect(show(importsUnder('schemas/src').filter((i) => forbidden.test(i.specifier)))).toEqual([]);
  });

  it('the domain knows its ports, not their adapters, the HTTP layer, the entry points, AWS or Hono', () => {
    const forbidden = /\/(adapters|http|entry)\/|^(@aws-sdk|hono|node:)/;
    expect(show(importsUnder('functions/src/domain').filter((i) => forbidden.test(i.specifier)))).toEqual([]);
  });

  it('only the configuration modules read the environment, and each of them does', () => {
    const readers = ['functions/src', 'schemas/src', 'web/src', 'infra', 'scripts'].flatMap((dir) =>
      filesMentioning(dir, /process\.env|import\.meta\.env/),
    );
    expect(readers.filter((file) => !CONFIG_MODULES.includes(file))).toEqual([]);
    expect(readers.sort()).toEqual([...CONFIG_MODULES].sort());
  });

  it('the kit and the domain are type-checked without DOM or Node types, each layer in its own environment', () => {
    for (const project of ['schemas/tsconfig.json', 'functions/src/domain/tsconfig.json']) {
      const { compilerOptions } = tsconfig(project);
      expect({ project, lib: compilerOptions['lib'], types: compilerOptions['types'] }).toEqual({ project, lib: ['ES2023'], types: [] });
    }
    expect(tsconfig('functions/tsconfig.json').compilerOptions).toMatchObject({ lib: ['ES2023'], types: ['node'] });
    expect(tsconfig('web/tsconfig.json').compilerOptions).toMatchObject({ lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] });
    const typecheck = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['typecheck'];
    for (const project of ['schemas', 'functions/src/domain', 'functions', 'web', '.']) expect(typecheck).toContain(`tsc -p ${project}`);
  });

  it('reads the imports it checks (static and lazy), so the checks above cannot pass by finding none', () => {
    const web = importsUnder('web/src').map((i) => i.specifier);
    expect(web).toContain('../../../schemas/src/staff-contract.js');
    expect(web).toContain('./staff/StaffApp.js');
    expect(importsUnder('functions/src/domain').length).toBeGreaterThan(50);
  });
});
