import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { minify_sync } from 'terser';
import { createAjv } from './ajv-options.js';
import type { JsonSchema } from './types.js';

/**
 * The ajv runtime helpers a generated validator may ask for; the browser's runtime (`web/src/resident/validation/
 * runtime.ts`) provides exactly these. A schema whose code needs another cannot be published.
 */
export const VALIDATOR_RUNTIME_MODULES = ['ajv/dist/runtime/ucs2length'] as const;

/**
 * What a generated validator module gets from the page: ajv's runtime helpers, the kit's formats, and the version's
 * schema as the page received it localized (titles and descriptions in the page's language; every other keyword as
 * published, which `test/unit/web-validators.test.ts` checks). The code reads the schema for the names of the
 * properties and for enum values, so the module need not carry a second copy of it.
 */
export interface ValidatorRuntime {
  require(module: string): unknown;
  formats: Record<string, unknown>;
  schema: JsonSchema;
}

/**
 * A form schema's validator as a standalone ES module, with no imports and no `eval`: ajv's standalone code for the
 * schema, compiled with the kit's ajv (its options and formats), wrapped as `export default function (runtime)`
 * that returns the validate function. The server generates it when a version is published and serves it under the
 * version's own URL; the page imports it and hands it its runtime, so the CSP need not allow `unsafe-eval`.
 */
export function validatorSource(schema: JsonSchema, label: string): string {
  const key = `${label}\n${JSON.stringify(schema)}`;
  let source = recent.get(key);
  if (source === undefined) {
    source = generate(schema, label);
    // A few recent ones are kept: every start seeds the same forms, and every save of a draft checks the same schema.
    if (recent.size >= 32) recent.delete(recent.keys().next().value!);
    recent.set(key, source);
  }
  return source;
}

const recent = new Map<string, string>();

function generate(schema: JsonSchema, label: string): string {
  const ajv = createAjv();
  // Source generation is switched on after createAjv() so the house options stay the one definition; formats are
  // read from the runtime the page passes in.
  Object.assign(ajv.opts.code, { source: true, esm: false, formats: _`__kotoFormats` });
  const standalone = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, '');
  // ajv writes the root schema into the code as JSON; the page hands over the one it has (a third of the bytes).
  const rootSchema = /const (schema\d+) = /.exec(standalone)?.[1];
  const code = rootSchema
    ? standalone.replace(`const ${rootSchema} = ${JSON.stringify(schema)};`, `const ${rootSchema} = __kotoSchema;`)
    : standalone;
  const needed = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))];
  const unknown = needed.filter((m) => !(VALIDATOR_RUNTIME_MODULES as readonly string[]).includes(m));
  if (unknown.length) throw new Error(`the validator of ${label} needs ajv runtime modules the page does not carry: ${unknown.join(', ')}`);
  const wrapped = [
    'export default function createValidator(runtime) {',
    '  const module = { exports: {} };',
    '  const require = runtime.require;',
    '  const __kotoFormats = runtime.formats;',
    '  const __kotoSchema = runtime.schema;',
    code,
    '  return module.exports;',
    '}',
  ].join('\n');
  // Minified like the build's own chunks (a third fewer gzip bytes on the resident's first load); the export's name
  // and the runtime's property names are kept, so the page's contract with the module does not change.
  const minified = minify_sync(wrapped, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true }).code;
  if (minified === undefined) throw new Error(`the validator of ${label} could not be minified`);
  return `// Koto Forms: the validator of ${label.replace(/[^\w .@-]/g, '')}, ajv standalone code.\n${minified}\n`;
}
