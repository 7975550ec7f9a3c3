import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from './ajv-options.js';
import type { JsonSchema } from './types.js';

/**
 * The ajv runtime helpers a generated validator may ask for; the browser's runtime (`web/src/resident/validation/
 * runtime.ts`) provides exactly these. A schema whose code needs another cannot be published.
 */
export const VALIDATOR_RUNTIME_MODULES = ['ajv/dist/runtime/ucs2length'] as const;

/** What a generated validator module gets from the page: ajv's runtime helpers and the kit's formats. */
export interface ValidatorRuntime {
  require(module: string): unknown;
  formats: Record<string, unknown>;
}

/**
 * A form schema's validator as a standalone ES module, with no imports and no `eval`: ajv's standalone code for the
 * schema, compiled with the kit's ajv (its options and formats), wrapped as `export default function (runtime)`
 * that returns the validate function. The server generates it when a version is published and serves it under the
 * version's own URL; the page imports it and hands it its runtime, so the CSP need not allow `unsafe-eval`.
 */
export function validatorSource(schema: JsonSchema, label: string): string {
  const ajv = createAjv();
  // Source generation is switched on after createAjv() so the house options stay the one definition; formats are
  // read from the runtime the page passes in.
  Object.assign(ajv.opts.code, { source: true, esm: false, formats: _`__kotoFormats` });
  const code = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, '');
  const needed = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))];
  const unknown = needed.filter((m) => !(VALIDATOR_RUNTIME_MODULES as readonly string[]).includes(m));
  if (unknown.length) throw new Error(`the validator of ${label} needs ajv runtime modules the page does not carry: ${unknown.join(', ')}`);
  return [
    `// Koto Forms: the validator of ${label.replace(/[^\w .@-]/g, '')}, ajv standalone code.`,
    'export default function createValidator(runtime) {',
    '  const module = { exports: {} };',
    '  const require = runtime.require;',
    '  const __kotoFormats = runtime.formats;',
    code,
    '  return module.exports;',
    '}',
    '',
  ].join('\n');
}
