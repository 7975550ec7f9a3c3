import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../functions/src/adapters/dynamo/dynamo-audit-log.js';
import { DynamoFormStore } from '../../functions/src/adapters/dynamo/dynamo-form-store.js';
import { FormRegistry } from '../../functions/src/domain/form-registry.js';
import { runFormsCommand } from '../../functions/src/entry/forms-cli.js';
import { freshTable, useDynalite } from '../support/dynamo.js';
import { TestClock, catalog } from '../support/test-app.js';

useDynalite();

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

async function commandDeps() {
  const table = await freshTable();
  const registry = new FormRegistry(catalog, new DynamoFormStore(table.db, table.tableName));
  return { registry, audit: new DynamoAuditLog(table.db, table.tableName), clock: new TestClock(), actor: 'cli:test' };
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `koto-${name}-`));

/** A copy of schemas/ (forms only) to change. */
function copyOfForms(): string {
  const dir = tmp('forms');
  cpSync('schemas/forms', join(dir, 'forms'), { recursive: true });
  return dir;
}

describe('npm run forms', () => {
  it('imports schemas/ into an empty store and exports it back byte for byte', async () => {
    const deps = await commandDeps();
    const imported = await runFormsCommand(['import', 'schemas'], deps);
    expect(imported.code).toBe(0);
    expect(imported.lines).toEqual(catalog.forms.map((f) => `${f.id}: created version ${f.version}`));
    const out = tmp('export');
    expect((await runFormsCommand(['export', out], deps)).code).toBe(0);
    const exported = filesUnder(join(out, 'forms'));
    const original = filesUnder('schemas/forms');
    expect([...exported.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [path, content] of original) expect(exported.get(path), path).toBe(content);
  });

  it('exports a store seeded at start the same way, so the repository and a running store can be compared with diff', async () => {
    const deps = await commandDeps();
    await deps.registry.start(deps.clock.now());
    const out = tmp('export');
    await runFormsCommand(['export', out], deps);
    expect(filesUnder(join(out, 'forms'))).toEqual(filesUnder('schemas/forms'));
  });

  it('publishes a changed form as its next version, leaves equal ones, and refuses a broken one without changing it', async () => {
    const deps = await commandDeps();
    await deps.registry.start(deps.clock.now());
    const dir = copyOfForms();
    const hobbyEn = join(dir, 'forms/hobby/texts/en.json');
    writeFileSync(hobbyEn, readFileSync(hobbyEn, 'utf8').replace(/"title": "[^"]*"/, '"title": "Join a hobby group"'));
    const guidanceForm = join(dir, 'forms/guidance/form.json');
    writeFileSync(guidanceForm, readFileSync(guidanceForm, 'utf8').replace('"type": "object"', '"type": "objekt"'));
    const result = await runFormsCommand(['import', dir], deps);
    expect(result.code).toBe(1);
    const hobby = catalog.forms.find((f) => f.id === 'hobby')!;
    const guidance = catalog.forms.find((f) => f.id === 'guidance')!;
    expect(result.lines).toContain(`hobby: published version ${hobby.version + 1}`);
    expect(result.lines).toContain(`registration: unchanged at version ${catalog.forms.find((f) => f.id === 'registration')!.version}`);
    expect(result.lines.find((l) => l.startsWith('guidance: refused'))).toMatch(/nothing changed/);
    expect((await deps.registry.store.head('guidance'))!.current).toBe(guidance.version);
    expect(deps.registry.catalog.forms().find((f) => f.id === 'hobby')!.texts.en!.title).toBe('Join a hobby group');
    const audit = await deps.audit.list('form:hobby', deps.clock.now());
    expect(audit.map((e) => [e.actor, e.action])).toEqual([['cli:test', 'publish']]);
  });

  it('lints a folder: 0 when every form is sound, 1 naming the problem otherwise; 2 and the usage for anything else', async () => {
    const sound = await runFormsCommand(['lint', 'schemas'], { actor: 'cli:test' });
    expect(sound).toEqual({ code: 0, lines: catalog.forms.map((f) => `${f.id}: ok`) });
    const dir = copyOfForms();
    const fi = join(dir, 'forms/feedback/texts/fi.json');
    writeFileSync(fi, readFileSync(fi, 'utf8').replace(/"title": "[^"]*",/, ''));
    const broken = await runFormsCommand(['lint', dir], { actor: 'cli:test' });
    expect(broken.code).toBe(1);
    expect(broken.lines.join('\n')).toMatch(/feedback.*title/);
    for (const args of [[], ['lint'], ['publish', 'schemas'], ['lint', 'a', 'b']]) {
      const usage = await runFormsCommand(args, { actor: 'cli:test' });
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.lines[0]).toMatch(/^usage: npm run forms/);
    }
  });

  it('runs as built against the local store in DATA_DIR: import, then export gives the same files', async () => {
    const cli = 'dist/server/forms.mjs';
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
    const env = { ...process.env, DATA_DIR: tmp('data'), TABLE_NAME: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [cli, ...args], { env });
    expect((await run('import', 'schemas')).stdout).toMatch(/guidance: created version \d+/);
    const out = tmp('export');
    expect((await run('export', out)).stdout).toMatch(/wrote .*guidance \(version \d+\)/);
    expect(filesUnder(join(out, 'forms'))).toEqual(filesUnder('schemas/forms'));
  });
});
