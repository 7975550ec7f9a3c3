import { pathToFileURL } from 'node:url';
import { readCheckedCatalog } from '../adapters/file-catalog.js';

/** `node dist/server/check-catalog.mjs [schemas]`: the build's check of every form and municipality it ships. */
function main(): void {
  const root = process.argv[2] ?? 'schemas';
  const catalog = readCheckedCatalog(root);
  console.log(`checked ${catalog.forms.length} forms and ${catalog.municipalities.length} municipalities in ${root}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
