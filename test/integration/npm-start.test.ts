import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// What `npm start` runs after its build: the built local server, as a newcomer starts it.
const SERVER = 'dist/server/local-server.mjs';
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koto-start-'));
  dirs.push(dir);
  return dir;
}

/** Starts the built server with `env`; resolves on the line it prints, or its exit, whichever comes first. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

beforeAll(() => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first (npm test does)`);
});

afterEach(() => {
  // A failed assertion must not leave a server running.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the local server as npm start runs it', () => {
  it('prints its URL, serves the web app and the API there, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const server = start({ DATA_DIR: dataDir });
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.output().stdout).toContain(`(mail outbox: ${url}/dev/mail)`);

    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(`${url}/fi/heinola/guidance`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start on a broken form, saying why in one line, and exits non-zero', async () => {
    const schemas = tempDir();
    cpSync('schemas', schemas, { recursive: true });
    writeFileSync(join(schemas, 'forms', 'guidance', 'form.json'), '{"id": "guidance", "version": 1');
    const server = start({ DATA_DIR: tempDir(), SCHEMAS_DIR: schemas });
    await expect(server.url).rejects.toThrow(/exited with 1/);
    expect(server.output().stderr).toMatch(/^Koto Forms could not start: .*guidance.*form\.json/);
  });

  it("fails the build's catalog check on a form the lint refuses, so no Lambda ships it", () => {
    const schemas = tempDir();
    cpSync('schemas', schemas, { recursive: true });
    const file = join(schemas, 'forms', 'guidance', 'texts', 'sv.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"title": "[^"]*"/, '"title": ""'));
    const check = (root: string) => execFileSync(process.execPath, ['dist/server/check-catalog.mjs', root], { stdio: 'pipe' }).toString();
    expect(check('schemas')).toMatch(/^checked 5 forms and 2 municipalities/);
    expect(() => check(schemas)).toThrow(/Form definitions in .* have problems:\n.*sv/);
  });
});
