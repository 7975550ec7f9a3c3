import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const shim = (file: string) => fileURLToPath(new URL(`../src/shims/${file}`, import.meta.url));

/**
 * The modules of rjsf and its dependencies that the browser build replaces, each by the file it resolves to, with the
 * stand-in in `web/src/shims/` (whose header says what it leaves out and why that is safe). Together they take about
 * 17 KiB gzip off every form page: rjsf otherwise brings every widget, field and template it has, general libraries
 * for two small jobs, and utilities nothing on the page calls. What a form may use is `schemas/src/supported.ts`,
 * enforced by the lint; `test/unit/web-slim-rjsf.test.ts` holds the stand-ins to the real modules.
 */
export const SLIM_RJSF: readonly { module: string; shim: string }[] = [
  // Only the widgets, fields and templates a form can reach (schemas/src/supported.ts).
  { module: '@rjsf/core/lib/components/widgets/index.js', shim: shim('rjsf-widgets.ts') },
  { module: '@rjsf/core/lib/components/fields/index.js', shim: shim('rjsf-fields.ts') },
  { module: '@rjsf/core/lib/components/templates/index.js', shim: shim('rjsf-templates.ts') },
  // rjsf's deep equality without fast-equals.
  { module: '@rjsf/utils/lib/deepEquals.js', shim: shim('rjsf-deep-equals.ts') },
  // The allOf merge for the one shape the lint allows, without @x0k/json-schema-merge.
  { module: '@rjsf/utils/lib/schema/shallowAllOfMerge.js', shim: shim('rjsf-all-of-merge.ts') },
  // getWidget's two questions of react-is.
  { module: 'react-is/index.js', shim: shim('react-is.ts') },
  // Schema utilities nothing on the page calls: removing extra data, path schemas, `$ref` lookups.
  { module: '@rjsf/utils/lib/schema/omitExtraData.js', shim: shim('rjsf-omit-extra-data.ts') },
  { module: '@rjsf/utils/lib/schema/toPathSchema.js', shim: shim('rjsf-to-path-schema.ts') },
  { module: '@rjsf/utils/lib/findSchemaDefinition.js', shim: shim('rjsf-schema-definitions.ts') },
  // Choosing among anyOf/oneOf options, which the lint refuses.
  { module: '@rjsf/utils/lib/schema/getClosestMatchingOption.js', shim: shim('rjsf-option-matching.ts') },
  { module: '@rjsf/utils/lib/schema/getFirstMatchingOption.js', shim: shim('rjsf-option-matching.ts') },
];

/**
 * Swaps the modules of `SLIM_RJSF` for their stand-ins in the build. It matches what an import resolves to, not how
 * it is written, so rjsf's relative imports are caught and nothing else is; and it fails the build when one of them
 * was never imported, so an rjsf upgrade that moves a module is noticed rather than quietly undoing the savings.
 */
export function slimRjsf(): Plugin {
  const replaced = new Set<string>();
  return {
    name: 'koto-slim-rjsf',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      replaced.clear();
    },
    async resolveId(source, importer, options) {
      // Every module replaced is imported by rjsf itself; our own code and the stand-ins import rjsf unchanged.
      if (!importer?.includes('/node_modules/@rjsf/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const path = resolved.id.split('?')[0]!;
      const entry = SLIM_RJSF.find((e) => path.endsWith(`/node_modules/${e.module}`));
      if (!entry) return resolved;
      replaced.add(entry.module);
      return entry.shim;
    },
    buildEnd(error) {
      if (error) return;
      const missed = SLIM_RJSF.filter((e) => !replaced.has(e.module)).map((e) => e.module);
      if (missed.length) this.error(`slim-rjsf: never imported, so not replaced (has rjsf moved them?): ${missed.join(', ')}`);
    },
  };
}
