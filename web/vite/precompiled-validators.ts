import { fileURLToPath } from 'node:url';
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { Plugin } from 'vite';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { createAjv } from '../../schemas/src/ajv-options.js';
import { schemaFingerprint } from '../src/resident/validation/fingerprint.js';

const INDEX = 'virtual:koto-validators';
const FORM = 'virtual:koto-validator/';
const AJV_OPTIONS_MODULE = fileURLToPath(new URL('../../schemas/src/ajv-options.ts', import.meta.url));
const AJV_BROWSER_SHIM = fileURLToPath(new URL('../src/shims/ajv-browser.ts', import.meta.url));

/**
 * ajv's standalone code still `require`s small runtime helpers (ucs2length, equal); turn them into imports so
 * the module is plain ESM that the bundler resolves.
 */
function requiresToImports(code: string): string {
  const imports: string[] = [];
  const names = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)(\.default)?/g, (_whole, spec: string, dflt?: string) => {
    const key = `${spec}${dflt ?? ''}`;
    let name = names.get(key);
    if (!name) {
      name = `__rt${names.size}`;
      names.set(key, name);
      // A bundler hands over `exports.default` of these CommonJS helpers, Node the whole `exports`: take either.
      imports.push(
        dflt
          ? `import ${name}$m from ${JSON.stringify(spec)};\nconst ${name} = ${name}$m.default ?? ${name}$m;`
          : `import * as ${name} from ${JSON.stringify(spec)};`,
      );
    }
    return name;
  });
  return `${imports.join('\n')}\n${body}`;
}

/** Standalone ESM validator code for a form schema, compiled with the kit's ajv (same options and formats). */
export function validatorModule(schema: object, version: number): string {
  const ajv = createAjv();
  // Source generation is switched on after createAjv() so the house options stay the one definition. Format
  // functions are read at run time from the kit's createAjv(), whose ajv import the browser build swaps for a
  // shim that only collects formats: compiling needs eval, which the CSP forbids.
  Object.assign(ajv.opts.code, { source: true, esm: true, formats: _`__kotoFormats` });
  const code = standaloneCode(ajv, ajv.compile(schema));
  return [
    `import { createAjv } from ${JSON.stringify(AJV_OPTIONS_MODULE)};`,
    'const __kotoFormats = createAjv().formats;',
    `export const version = ${version};`,
    `export const fingerprint = ${JSON.stringify(schemaFingerprint(schema))};`,
    requiresToImports(code.replace(/^"use strict";/, '')),
  ].join('\n');
}

/**
 * Precompiles every form under `schemas/forms` into its own chunk (`virtual:koto-validator/<id>`), listed by
 * `virtual:koto-validators`, so a form page validates without ajv's compiler and without `unsafe-eval`.
 */
export function precompiledValidators(schemasDir: string): Plugin {
  let catalog: ReturnType<typeof readCatalog> | undefined;
  const forms = () => (catalog ??= readCatalog(schemasDir)).forms;
  return {
    name: 'koto-precompiled-validators',
    enforce: 'pre',
    buildStart() {
      catalog = undefined;
    },
    resolveId(id, importer) {
      if (id === INDEX || id.startsWith(FORM)) return `\0${id}`;
      // Only the browser bundle swaps ajv; the server keeps the real compiler.
      if (id === 'ajv' && importer && !importer.includes('node_modules')) return AJV_BROWSER_SHIM;
      return null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const entries = forms().map((f) => `  ${JSON.stringify(f.id)}: () => import(${JSON.stringify(FORM + f.id)}),`);
        return `export const validators = {\n${entries.join('\n')}\n};`;
      }
      if (id.startsWith(`\0${FORM}`)) {
        const form = forms().find((f) => f.id === id.slice(FORM.length + 1));
        if (!form) throw new Error(`no form definition for ${id}`);
        return validatorModule(form.schema, form.version);
      }
      return null;
    },
  };
}
