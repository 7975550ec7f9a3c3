import { join } from 'node:path';
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FormProblem } from '../../../schemas/src/index.js';
import { DynamoAuditLog } from '../adapters/dynamo/dynamo-audit-log.js';
import { DynamoFormStore } from '../adapters/dynamo/dynamo-form-store.js';
import { DynamoSearchIndex } from '../adapters/dynamo/dynamo-search-index.js';
import { DynamoSubmissionStore } from '../adapters/dynamo/dynamo-submission-store.js';
import { LOCAL_AWS, startDynalite } from '../adapters/dynamo/local-dynalite.js';
import { createDocumentClient, createStoreClient, ensureTable, toDocumentClient } from '../adapters/dynamo/table.js';
import { readCatalog } from '../adapters/file-catalog.js';
import { readFormFolders, writeFormDir } from '../adapters/form-files.js';
import { importForms } from '../domain/admin/form-import.js';
import { lintDefinition } from '../domain/admin/form-lint.js';
import { FormRegistry } from '../domain/form-registry.js';
import { currentForms } from '../domain/form-sync.js';
import type { AuditLog, Clock, SearchIndex, SubmissionStore } from '../domain/ports.js';
import { reindexSearch } from '../domain/staff/reindex-search.js';
import { nodeCrypto, systemClock } from './build-deps.js';
import { formsCommandConfig } from './forms-config.js';
import { LOCAL_TABLE_NAME } from './local-config.js';
import { DynamoReportStore } from '../adapters/dynamo/dynamo-report-store.js';
import { rebuildReports, type RebuildDeps } from '../domain/reports/rebuild-reports.js';
import { requestedMonth } from '../domain/reports/report-months.js';

export const USAGE = `usage: npm run forms -- <command> <dir>  (or: rebuild-reports [<from> <to>])
  lint <dir>     check the forms in <dir>/forms (the schemas/ layout); exits 1 on an error
  export <dir>   write the store's current version of every form to <dir>/forms/<id>/
  import <dir>   bring the forms of <dir>/forms into the store through the lint: a new form keeps its
                 version number, a changed one is published as its next version, an equal one is left
  reindex [municipality ...]
                 write the search keys of every stored submission (all municipalities, or those named):
                 for submissions stored before search existed; running it again changes nothing
  rebuild-reports [<from> <to>]
                 count the live submissions into the report aggregates; with months (YYYY-MM) the
                 aggregates of those months are deleted and counted anew (only months none of whose
                 submissions have expired); without, only what is missing is added
The store: TABLE_NAME (AWS) or else the local one in DATA_DIR (default .data; stop npm start first).`;

/** What a command needs besides its arguments: a store's forms side (not for lint) and who runs it. */
export interface FormsCommandDeps {
  registry?: FormRegistry;
  audit?: AuditLog;
  clock?: Clock;
  actor: string;
  /** The submissions side of the store, for `reindex`. */
  submissions?: { store: SubmissionStore; search: SearchIndex };
}

const problemLine = (formId: string, p: FormProblem) => `  ${p.severity} ${formId}${p.path}: ${p.message} [${p.code}]`;

/** Runs one command; returns the lines to print and the exit code. */
export async function runFormsCommand(args: readonly string[], deps: FormsCommandDeps): Promise<{ lines: string[]; code: number }> {
  const [command, dir, ...rest] = args;
  if (command === 'reindex') return reindex(args.slice(1), deps);
  if (!command || !dir || rest.length > 0 || !['lint', 'export', 'import'].includes(command)) return { lines: [USAGE], code: 2 };
  if (command === 'lint') {
    const lines: string[] = [];
    let errors = 0;
    for (const { form, problems: layout } of readFormFolders(dir)) {
      if (layout.length) {
        errors += layout.length;
        lines.push(`${form.id}: ${layout.length} problem(s)`, ...layout.map((line) => `  error ${line}`));
        continue;
      }
      const problems = lintDefinition(form);
      errors += problems.filter((p) => p.severity === 'error').length;
      lines.push(
        problems.length ? `${form.id}: ${problems.length} problem(s)` : `${form.id}: ok`,
        ...problems.map((p) => problemLine(form.id, p)),
      );
    }
    return { lines, code: errors ? 1 : 0 };
  }
  const { registry, audit } = deps;
  if (!registry || !audit) throw new Error(`${command} needs a store`);
  if (command === 'export') {
    const lines: string[] = [];
    for (const form of await currentForms(registry.store)) {
      writeFormDir(dir, form);
      lines.push(`wrote ${join(dir, 'forms', form.id)} (version ${form.version})`);
    }
    return { lines, code: 0 };
  }
  // A form whose files are malformed is refused here; the others go through the lint into the store.
  const folders = readFormFolders(dir);
  const malformed = folders.filter((f) => f.problems.length > 0);
  const outcomes = await importForms(
    { registry, audit, clock: deps.clock ?? systemClock },
    folders.filter((f) => f.problems.length === 0).map((f) => f.form),
    deps.actor,
    `Imported from ${dir}.`,
  );
  const refusedFiles = malformed.flatMap(({ form, problems }) => [
    `${form.id}: refused, ${problems.length} error(s) in its files; nothing changed`,
    ...problems.map((line) => `  error ${line}`),
  ]);
  const lines = outcomes.flatMap((o) =>
    o.outcome === 'refused'
      ? [
          `${o.formId}: refused, ${o.problems.filter((p) => p.severity === 'error').length} error(s); nothing changed`,
          ...o.problems.map((p) => problemLine(o.formId, p)),
        ]
      : [`${o.formId}: ${o.outcome === 'unchanged' ? 'unchanged at' : o.outcome} version ${o.version}`],
  );
  return { lines: [...refusedFiles, ...lines], code: malformed.length || outcomes.some((o) => o.outcome === 'refused') ? 1 : 0 };
}

/** `reindex`: the search keys of every stored submission of the municipalities named, or of all. */
async function reindex(named: readonly string[], deps: FormsCommandDeps): Promise<{ lines: string[]; code: number }> {
  const { registry, submissions } = deps;
  if (!registry || !submissions) throw new Error('reindex needs a store');
  const known = registry.catalog.municipalities().map((m) => m.id);
  const unknown = named.filter((id) => !known.includes(id));
  if (unknown.length) return { lines: [`unknown municipality: ${unknown.join(', ')}`, USAGE], code: 2 };
  const clock = deps.clock ?? systemClock;
  await registry.start(clock.now());
  const reports = await reindexSearch({ registry, ...submissions, crypto: nodeCrypto, clock }, named.length ? named : known);
  return {
    lines: reports.map(
      (r) => `${r.municipality}: ${r.indexed} submission(s) indexed${r.skipped ? `, ${r.skipped} skipped (form version unknown)` : ''}`,
    ),
    code: 0,
  };
}

/** `rebuild-reports [<from> <to>]` over `municipalities`; the lines to print and the exit code. */
export async function runRebuildReports(
  args: readonly string[],
  deps: RebuildDeps & { municipalities: string[]; clock?: Clock },
): Promise<{ lines: string[]; code: number }> {
  const [, from, to, ...rest] = args;
  if (rest.length > 0 || (from === undefined) !== (to === undefined)) return { lines: [USAGE], code: 2 };
  const range = from && to ? { from: requestedMonth('from', from), to: requestedMonth('to', to) } : undefined;
  if (range && range.to < range.from) return { lines: ['to must not be before from'], code: 2 };
  const done = await rebuildReports(deps, deps.municipalities, (deps.clock ?? systemClock).now(), range);
  return {
    lines: [
      `${range ? `${range.from}..${range.to}: deleted ${done.cleared} aggregate(s); ` : ''}counted ${done.submissions} live submission(s), ${done.added} step(s) added`,
    ],
    code: 0,
  };
}

/** The store the command works on: the deployed table, or the local server's dynalite (which must not be running). */
async function openStore(config: ReturnType<typeof formsCommandConfig>) {
  if (config.tableName) return { db: createDocumentClient(), tableName: config.tableName, close: async () => {} };
  let local;
  try {
    local = await startDynalite(join(config.dataDir, 'dynamodb'));
  } catch (error) {
    throw new Error(
      `cannot open the local store in ${config.dataDir} (${(error as Error).message}): stop npm start first, or set TABLE_NAME for AWS`,
    );
  }
  const client = createStoreClient({ ...LOCAL_AWS, endpoint: local.endpoint, maxAttempts: 2 });
  await ensureTable(client, LOCAL_TABLE_NAME);
  return { db: toDocumentClient(client), tableName: LOCAL_TABLE_NAME, close: async () => (client.destroy(), local.close()) };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const actor = `cli:${userInfo().username}`;
  if (args[0] !== 'reindex' && args[0] !== 'rebuild-reports' && (args[0] === 'lint' || args.length !== 2)) {
    const { lines, code } = await runFormsCommand(args, { actor });
    for (const line of lines) console.log(line);
    return code;
  }
  const config = formsCommandConfig();
  if (args[0] === 'rebuild-reports') {
    const store = await openStore(config);
    try {
      const { lines, code } = await runRebuildReports(args, {
        store: new DynamoSubmissionStore(store.db, store.tableName),
        reports: new DynamoReportStore(store.db, store.tableName),
        crypto: nodeCrypto,
        municipalities: readCatalog(config.schemasDir).municipalities.map((m) => m.id),
      });
      for (const line of lines) console.log(line);
      return code;
    } finally {
      await store.close();
    }
  }
  const store = await openStore(config);
  try {
    const registry = new FormRegistry(readCatalog(config.schemasDir), new DynamoFormStore(store.db, store.tableName));
    const { lines, code } = await runFormsCommand(args, {
      registry,
      audit: new DynamoAuditLog(store.db, store.tableName),
      actor,
      submissions: {
        store: new DynamoSubmissionStore(store.db, store.tableName),
        search: new DynamoSearchIndex(store.db, store.tableName),
      },
    });
    for (const line of lines) console.log(line);
    return code;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
