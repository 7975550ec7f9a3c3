import { pathToFileURL } from 'node:url';
import { DynamoStaffDirectory } from '../adapters/dynamo/dynamo-staff-directory.js';
import { createDocumentClient } from '../adapters/dynamo/table.js';
import { readCatalog, readStaffFile } from '../adapters/file-catalog.js';
import type { StaffDirectory } from '../domain/ports.js';
import { putStaffConfig } from './put-staff-config.js';

const USAGE = 'usage: put-staff.mjs <staff.json>   |   put-staff.mjs --remove <email>';

/**
 * Puts every member of a staff directory file into the table (the file is checked first; nothing is written when
 * it has problems), or with `--remove <email>` takes one person out. Returns the lines to print.
 */
export async function putStaff(args: readonly string[], staff: StaffDirectory, municipalityIds: readonly string[]): Promise<string[]> {
  if (args[0] === '--remove' && args[1] && args.length === 2) {
    return [(await staff.remove(args[1])) !== undefined ? `removed ${args[1]}` : `${args[1]} was not in the directory`];
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new Error(USAGE);
  const members = readStaffFile(args[0]!, municipalityIds);
  // Someone added again after a removal starts afresh: sessions of before the removal stay ended.
  const at = new Date().toISOString();
  for (const member of members) await staff.put(member, at);
  return members.map((m) => `put ${m.email} (${m.role}: ${m.municipalities.join(', ')})`);
}

/** For scripted set-up (the admin API and page do the same one person at a time): `TABLE_NAME=<stack output> node dist/server/put-staff.mjs staff.json`. */
async function main(): Promise<void> {
  const config = putStaffConfig();
  const municipalityIds = readCatalog(config.schemasDir).municipalities.map((m) => m.id);
  const staff = new DynamoStaffDirectory(createDocumentClient(), config.tableName);
  for (const line of await putStaff(process.argv.slice(2), staff, municipalityIds)) console.log(line);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
