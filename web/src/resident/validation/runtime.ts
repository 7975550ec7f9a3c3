import ucs2length from 'ajv/dist/runtime/ucs2length';
import { createAjv } from '../../../../schemas/src/ajv-options.js';
import type { JsonSchema } from '../../../../schemas/src/index.js';
import type { ValidatorRuntime } from '../../../../schemas/src/validator-source.js';

// A bundler hands over `exports.default` of this CommonJS helper as the default import, Node the whole `exports`:
// take the function either way; the generated code reads `.default`, so give it an object that has one.
const ucs2 = (ucs2length as unknown as { default?: unknown }).default ?? ucs2length;
const MODULES: Record<string, unknown> = { 'ajv/dist/runtime/ucs2length': { default: ucs2 } };

const formats = createAjv().formats as Record<string, unknown>;

function require(module: string) {
  if (!(module in MODULES)) throw new Error(`a form validator asked for ${module}, which the page does not carry`);
  return MODULES[module];
}

/**
 * What a validator module from the server (`validatorSource`) is given: ajv's runtime helpers it may ask for (the
 * list is `VALIDATOR_RUNTIME_MODULES`; the server refuses to publish a form that needs another), the kit's formats,
 * and the schema of the version it validates, as the page received it. In the browser `createAjv()` is the build's
 * shim, which only collects the formats: nothing compiles.
 */
export function validatorRuntime(schema: JsonSchema): ValidatorRuntime {
  return { require, formats, schema };
}
