import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStaffDirectory } from '../../functions/src/adapters/dynamo/dynamo-staff-directory.js';
import { LOCAL_AWS, startDynalite, type LocalDynamo } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { ensureTable, toDocumentClient } from '../../functions/src/adapters/dynamo/table.js';

// The command an operator runs against the stack's table (see README, Deploying to AWS), here against dynalite.
const COMMAND = 'dist/server/put-staff.mjs';
const TABLE = 'koto-staff-cli';
let dynamo: LocalDynamo;
let dir: string;
let directory: DynamoStaffDirectory;

beforeAll(async () => {
  if (!existsSync(COMMAND)) throw new Error(`${COMMAND} is missing: run "npm run build" first (npm test does)`);
  dynamo = await startDynalite();
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
  await ensureTable(client, TABLE);
  directory = new DynamoStaffDirectory(toDocumentClient(client), TABLE);
  dir = mkdtempSync(join(tmpdir(), 'koto-staff-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dynamo?.close();
});

/** Runs the command with AWS settings pointing at dynalite; its exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    TABLE_NAME: TABLE,
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [COMMAND, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function staffFile(name: string, members: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(members));
  return path;
}

const advisor = { email: 'Marianna.Kemppi@heinola.fi', name: 'Marianna Kemppi', role: 'staff', municipalities: ['heinola', 'orimattila'] };

describe('putting the staff directory into the table', () => {
  it('puts every member of a checked file, and takes one out with --remove', async () => {
    const admin = { email: 'tietohallinto@heinola.fi', name: 'Ylläpito', role: 'admin', municipalities: ['heinola'] };
    const put = await run(staffFile('staff.json', [advisor, admin]));
    expect(put).toMatchObject({
      code: 0,
      stdout: 'put Marianna.Kemppi@heinola.fi (staff: heinola, orimattila)\nput tietohallinto@heinola.fi (admin: heinola)\n',
    });
    expect(await directory.get('marianna.kemppi@heinola.fi')).toMatchObject({ ...advisor, email: 'marianna.kemppi@heinola.fi' });
    expect(await directory.get('tietohallinto@heinola.fi')).toMatchObject({ role: 'admin' });

    expect(await run('--remove', 'tietohallinto@heinola.fi')).toMatchObject({ code: 0, stdout: 'removed tietohallinto@heinola.fi\n' });
    expect(await directory.get('tietohallinto@heinola.fi')).toBeUndefined();
    expect(await directory.get('marianna.kemppi@heinola.fi')).toBeDefined();
    expect(await run('--remove', 'tietohallinto@heinola.fi')).toMatchObject({
      code: 0,
      stdout: 'tietohallinto@heinola.fi was not in the directory\n',
    });
  });

  it('writes nothing from a file with a problem, and names every problem', async () => {
    const newcomer = { email: 'uusi@orimattila.fi', name: 'Uusi', role: 'staff', municipalities: ['orimattila'] };
    const file = staffFile('broken.json', [newcomer, { ...advisor, role: 'owner', municipalities: ['lahti'] }, { ...newcomer, name: '' }]);
    const result = await run(file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${file} has problems:`,
      '[1] Marianna.Kemppi@heinola.fi: role must be "staff" or "admin"',
      '[1] Marianna.Kemppi@heinola.fi: no municipality "lahti"',
      '[2] uusi@orimattila.fi: listed twice',
      '[2] uusi@orimattila.fi: name is missing',
    ]);
    expect(await directory.get('uusi@orimattila.fi')).toBeUndefined();
  });

  it('says how to use it when given no file', async () => {
    expect(await run()).toMatchObject({ code: 1, stderr: expect.stringContaining('usage: put-staff.mjs <staff.json>') });
  });
});
