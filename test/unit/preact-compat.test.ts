import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as compat from 'preact/compat';
import * as compatClient from 'preact/compat/client';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { preactAliases } from '../../web/vite/aliases.js';

/** Every file under `dir` whose name matches `ext`, with its text. */
function sources(dir: string, ext: RegExp): { file: string; source: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, ext);
    return ext.test(name) ? [{ file: path, source: readFileSync(path, 'utf8') }] : [];
  });
}

interface ReactImport {
  file: string;
  module: string;
  /** The values imported by name (type-only names left out); `*` for a namespace, default or dynamic import. */
  names: string[];
}

/** The imports of React's packages in a file, with the values each takes. */
export function reactImports(file: string, source: string): ReactImport[] {
  const found: ReactImport[] = [];
  for (const m of source.matchAll(
    /import\s+(type\s+)?([^'";]*?)\s*from\s*['"]((?:react|react-dom|react-is|scheduler)(?:\/[^'"]*)?)['"]/g,
  )) {
    if (m[1]) continue;
    const clause = m[2]!;
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const names = named
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/)[0]!);
    if (
      clause
        .replace(/\{[^}]*\}/, '')
        .replace(/,/g, '')
        .trim()
    )
      names.push('*');
    found.push({ file, module: m[3]!, names });
  }
  for (const m of source.matchAll(/import\s*\(\s*['"]((?:react|react-dom)(?:\/[^'"]*)?)['"]\s*\)/g))
    found.push({ file, module: m[1]!, names: ['*'] });
  return found;
}

/** The opening tags of components (`<Name …>`, not DOM elements) with the attributes written on them. */
export function componentTags(source: string): { name: string; attributes: string }[] {
  const tags: { name: string; attributes: string }[] = [];
  for (const m of source.matchAll(/<([A-Z][\w.]*)(?=[\s/>])/g)) {
    let attributes = '';
    let depth = 0;
    let quote = '';
    for (let i = m.index + m[0].length; i < source.length; i++) {
      const c = source[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (depth === 0 && (c === '"' || c === "'")) quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (depth === 0 && c === '>') break;
      if (depth === 0 || (depth === 1 && c === '{')) attributes += c;
    }
    tags.push({ name: m[1]!, attributes });
  }
  return tags;
}

/** Names bound to a component made with forwardRef (`const Name = forwardRef…`, also inside memo). */
export function forwardRefComponents(source: string): string[] {
  return [...source.matchAll(/(?:const|let)\s+(\w+)\s*(?::[^=]+)?=\s*(?:memo\(\s*)?forwardRef\b/g)].map((m) => m[1]!);
}

/** The modules that compat provides for each of React's, from the aliases that the build and the tests use. */
const compatOf = new Map<string, Record<string, unknown>>([
  ['react', compat],
  ['react-dom', compat],
  ['react-dom/client', compatClient],
]);

/**
 * React's APIs that preact/compat exports but that do nothing on Preact 10, so code using them would silently
 * behave differently from what React's documentation promises.
 */
const INERT: Record<string, string> = {
  StrictMode: 'a Fragment on Preact: no double rendering, no warnings',
  useTransition: 'never pending on Preact, and its transition runs at once',
  startTransition: 'runs at once on Preact: no transition',
  useDeferredValue: 'returns its value at once on Preact: nothing is deferred',
};

/**
 * What Preact 10 does not do of React 19's DOM features: form actions (a function as `action`/`formAction`),
 * and `<title>`, `<meta>`, `<link>` rendered in a component, which React hoists into `<head>` and Preact leaves
 * where they are.
 */
const REACT_19_DOM = [/\baction=\{/, /\bformAction=\{/, /<(title|meta|link)[\s>]/];

/** A component that takes `ref` from its props, as React 19 allows and Preact 10 never passes. */
const REF_FROM_PROPS = [
  /\(\s*\{[^}]*\bref\b[^}]*\}\s*(?::[^)]*)?\)\s*(?::[^={]*)?(?:=>|\{)/,
  /\bprops\.ref\b/,
  /\{[^}]*\bref\b[^}]*\}\s*=\s*props\b/,
];

/** The problems of one web source file under Preact 10's compat layer, each in words. */
export function compatProblems(file: string, source: string, forwarded: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { module, names } of reactImports(file, source)) {
    const provided = compatOf.get(module);
    if (!provided) {
      problems.push(`${file} imports ${module}, which no alias turns into Preact (web/vite/aliases.ts): React itself would ship`);
      continue;
    }
    for (const name of names) {
      if (name === '*') problems.push(`${file} imports all of ${module}: import by name, so this check sees what is used`);
      else if (!(name in provided))
        problems.push(`${file} imports ${name} from ${module}, which preact/compat does not have (React 19 only)`);
      else if (INERT[name]) problems.push(`${file} imports ${name} from ${module}: ${INERT[name]}`);
    }
  }
  for (const { name, attributes } of componentTags(source)) {
    if (/(^|\s)ref=/.test(attributes) && !forwarded.has(name)) {
      problems.push(`${file} passes a ref to <${name}>, which is not made with forwardRef: on Preact 10 it never reaches the element`);
    }
  }
  if (REF_FROM_PROPS.some((p) => p.test(source)))
    problems.push(`${file} reads ref from a component's props: Preact 10 never passes it; use forwardRef`);
  // An SVG's own <title> (a chart's bar) is the SVG element, which neither React nor Preact hoists.
  const outsideSvg = source.replace(/<svg[\s>][\s\S]*?<\/svg>/g, '');
  for (const pattern of REACT_19_DOM)
    if (pattern.test(outsideSvg)) problems.push(`${file} uses ${pattern.source}, a React 19 DOM feature Preact 10 lacks`);
  return problems;
}

const web = sources('web/src', /\.tsx?$/);
const forwarded = new Set(web.flatMap(({ source }) => forwardRefComponents(source)));

describe('what ships is what is checked: React’s API on Preact', () => {
  it('resolves react and react-dom to preact/compat in the unit tests, as in the build', () => {
    expect(React.useState).toBe(compat.useState);
    expect(React.forwardRef).toBe(compat.forwardRef);
    expect(createRoot).toBe(compatClient.createRoot);
  });

  it('type-checks against the same modules the build and the tests use (tsconfig paths = the aliases)', () => {
    const paths = (
      JSON.parse(readFileSync('tsconfig.base.json', 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
        compilerOptions: { paths: Record<string, string[]> };
      }
    ).compilerOptions.paths;
    const aliased = preactAliases.map(
      ({ find, replacement }) => [find.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/'), replacement] as const,
    );
    expect(Object.keys(paths).sort()).toEqual(aliased.map(([name]) => name).sort());
    for (const [name, replacement] of aliased) {
      // jsx-dev-runtime has no types of its own in preact; jsx-runtime's describe it.
      expect({ name, path: paths[name] }).toEqual({
        name,
        path: [`./node_modules/${replacement.replace(/jsx-dev-runtime$/, 'jsx-runtime')}`],
      });
    }
    // Every module this check accepts is one that the aliases turn into Preact.
    for (const module of compatOf.keys()) expect(aliased.map(([name]) => name)).toContain(module);
  });

  it('lists what ships among the dependencies: Preact, not React, its types or its Fast Refresh', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toContain('preact');
    const named = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(named.filter((name) => /^(react|react-dom|@types\/react(-dom)?|@vitejs\/plugin-react)$/.test(name))).toEqual([]);
  });

  it('the web app uses only what preact/compat does as React does (React 19-only APIs, inert ones, refs as props)', () => {
    expect(web.flatMap(({ file, source }) => compatProblems(file, source, forwarded))).toEqual([]);
  });

  it('rjsf, rendered by the same compat layer, imports only what compat has', () => {
    const rjsf = [...sources('node_modules/@rjsf/core/lib', /\.js$/), ...sources('node_modules/@rjsf/utils/lib', /\.js$/)];
    const imports = rjsf
      .flatMap(({ file, source }) => reactImports(file, source))
      .filter((i) => i.module !== 'react/jsx-runtime' && i.module !== 'react-is');
    expect(imports.length).toBeGreaterThan(20);
    const missing = imports.flatMap(({ file, module, names }) =>
      names.filter((n) => n !== '*' && !(n in (compatOf.get(module) ?? {}))).map((n) => `${file}: ${n} from ${module}`),
    );
    expect(missing).toEqual([]);
  });

  it('reads what it checks, and finds each kind of problem it is for', () => {
    expect(web.flatMap(({ file, source }) => reactImports(file, source)).length).toBeGreaterThan(30);
    expect(forwardRefComponents(`export const Field = forwardRef<HTMLInputElement, P>(function Field(props, ref) {`)).toEqual(['Field']);
    expect(
      componentTags(web.find((w) => w.file.endsWith('FormFlow.tsx'))!.source).find((t) => t.name === 'ReviewStep')?.attributes,
    ).toMatch(/(^|\s)headingRef=/);

    const found = (source: string) => compatProblems('x.tsx', source, new Set(['Fine']));
    expect(found(`import { use, useState } from 'react';`)).toEqual([
      expect.stringContaining('use from react, which preact/compat does not have'),
    ]);
    expect(found(`import { useActionState } from 'react';\nimport { useFormStatus } from 'react-dom';`)).toHaveLength(2);
    expect(found(`<svg role="img"><rect><title>{bar}</title></rect></svg>`)).toEqual([]);
    expect(found(`<title>{page}</title>`)).toEqual([expect.stringContaining('React 19 DOM feature')]);
    expect(found(`import { StrictMode } from 'react';`)).toEqual([expect.stringContaining('a Fragment on Preact')]);
    expect(found(`import { renderToString } from 'react-dom/server';`)).toEqual([expect.stringContaining('React itself would ship')]);
    expect(found(`import React from 'react';`)).toEqual([expect.stringContaining('import by name')]);
    expect(found(`import type { ReactNode } from 'react';\nimport { type Ref, useRef } from 'react';`)).toEqual([]);
    expect(found(`<Fine ref={a} onClick={() => x > 1} />; <Plain\n  onClick={() => 1}\n  ref={heading}\n/>`)).toEqual([
      expect.stringContaining('<Plain>'),
    ]);
    expect(found(`<Plain onClick={() => go({ ref: 1 })} label="a > b" />`)).toEqual([]);
    expect(found(`function Heading({ ref, children }: Props) {`)).toEqual([expect.stringContaining('reads ref')]);
    expect(found(`<form action={save}>`)).toEqual([expect.stringContaining('React 19 DOM feature')]);
    expect(found(`return <title>{t('title')}</title>;`)).toHaveLength(1);
  });
});
