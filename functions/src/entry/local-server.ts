import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { LOCAL_AWS, startDynalite } from '../adapters/dynamo/local-dynalite.js';
import { createStoreClient, ensureTable, toDocumentClient } from '../adapters/dynamo/table.js';
import { readCheckedCatalog, readLocalStaff, type FileCatalog } from '../adapters/file-catalog.js';
import { FileMailer } from '../adapters/file-mailer.js';
import { FileSmsOutbox } from '../adapters/file-sms.js';
import { SmtpMailer } from '../adapters/smtp-mailer.js';
import type { Mailer } from '../domain/mailer.js';
import { createApp } from '../http/app.js';
import type { AppDeps } from '../http/deps.js';
import { rateLimitSubject } from '../http/viewer-address.js';
import { buildDeps, jsonLog } from './build-deps.js';
import { LOCAL_DEFAULTS, LOCAL_TABLE_NAME, localConfig, type LocalConfig } from './local-config.js';
import { localSecret } from './local/local-secret.js';
import { startBackgroundJobs, type BackgroundJobs } from './local/background-jobs.js';
import { sweepLocalOutboxes } from './local/outbox-retention.js';
import { bindPort, type BoundPort } from './local/bound-port.js';
import { devMailRoutes } from './local/dev-mail-routes.js';
import { readIndexHtml, webRoutes } from './local/web-routes.js';

/**
 * How to start the local server: its configuration (`local-config.ts`), of which tests give only what they need
 * (without `dataDir` the store is in memory), and the notifier's interval and the log for tests.
 */
export type LocalServerOptions = Pick<LocalConfig, 'port' | 'webDir' | 'schemasDir'> &
  Partial<Omit<LocalConfig, 'port' | 'webDir' | 'schemasDir'>> & {
    notifyEveryMs?: number;
    log?: (event: Record<string, unknown>) => void;
    /** Browser tests fill a form faster than any person (default MIN_FILL_SECONDS; test/browser/spam.test.ts keeps it). */
    minFillSeconds?: number;
    /** Browser tests send the same answers again and again (default IDENTICAL_WINDOW_MINUTES). */
    identicalWindowMinutes?: number;
  };

export interface LocalServer {
  url: string;
  outboxDir: string;
  /** The local SMS outbox: one JSON file per message (no SMS gateway runs locally). */
  smsOutboxDir: string;
  jobs: BackgroundJobs;
  /**
   * The app's dependencies over the local store. Only for tests that write into the store through the domain what
   * would take too long through the API (test/browser/staff-reports.test.ts writes a generated year of submissions);
   * the server itself never reads this.
   */
  deps: AppDeps;
  close(): Promise<void>;
}

/** Starts the whole system on one port: web app, API, dynalite, notifier, retention sweeper and mailbox page. */
export async function startLocalServer(config: LocalServerOptions): Promise<LocalServer> {
  const files = { catalog: readCheckedCatalog(config.schemasDir), indexHtml: readIndexHtml(config.webDir) };
  // The port first: the site's origin (links in mail, the cookie and cross-site checks) is known before the app is built.
  const bound = await bindPort(config.port, '127.0.0.1');
  try {
    return await startOn(bound, config.publicUrl ?? `http://localhost:${bound.port}`, config, files);
  } catch (error) {
    await bound.close();
    throw error;
  }
}

/** The rest of the start, once the port is held: the store, the app with its background jobs, answering on `bound`. */
async function startOn(
  bound: BoundPort,
  publicUrl: string,
  config: LocalServerOptions,
  { catalog, indexHtml }: { catalog: FileCatalog; indexHtml: string },
): Promise<LocalServer> {
  const log = config.log ?? jsonLog;
  const dataDir = config.dataDir ? resolve(config.dataDir) : mkdtempSync(join(tmpdir(), 'koto-'));
  const dynamoDir = join(dataDir, 'dynamodb');
  if (config.dataDir) mkdirSync(dynamoDir, { recursive: true });
  const dynamo = await startDynalite(config.dataDir ? dynamoDir : undefined);
  const client = createStoreClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint, maxAttempts: 2 });
  await ensureTable(client, LOCAL_TABLE_NAME);

  const outboxDir = join(dataDir, 'mail');
  const mailer = localMailer(config, outboxDir);

  const smsOutboxDir = join(dataDir, 'sms');
  const deps = buildDeps({
    db: toDocumentClient(client),
    tableName: LOCAL_TABLE_NAME,
    catalog,
    mailer,
    sms: new FileSmsOutbox(smsOutboxDir),
    mailFrom: config.mailFrom ?? LOCAL_DEFAULTS.mailFrom,
    publicUrl,
    actionSecret: localSecret(dataDir, 'action-link.key'),
    clientIp: (c) => rateLimitSubject(getConnInfo(c).remote.address ?? 'unknown'),
    log,
    ...(config.minFillSeconds !== undefined ? { minFillSeconds: config.minFillSeconds } : {}),
    ...(config.identicalWindowMinutes !== undefined ? { identicalWindowMinutes: config.identicalWindowMinutes } : {}),
  });
  const seeded = await deps.app.registry.start(new Date());
  if (seeded.imported.length) log({ level: 'info', msg: 'forms imported from schemas/', forms: seeded.imported });
  for (const form of seeded.behind)
    log({
      level: 'warn',
      msg: `schemas/ has version ${form.file} of ${form.formId}, the store serves ${form.store}: npm run forms -- import schemas`,
      form: form.formId,
    });
  for (const member of readLocalStaff(
    config.schemasDir,
    catalog.municipalities.map((m) => m.id),
  ))
    await deps.app.staff.put(member);
  const jobs = startBackgroundJobs(deps.notify, {
    notifyEveryMs: config.notifyEveryMs ?? 2000,
    sweepEveryMs: 60 * 60_000,
    // The digest goes out at 7 o'clock Helsinki time on working days, once a day: looking every 10 minutes finds the hour.
    digestEveryMs: 10 * 60_000,
    log,
    // Mail and texts in the local outboxes carry answers: they go with their submissions.
    sweepBeside: (now) => sweepLocalOutboxes(deps.notify.store, { mail: outboxDir, sms: smsOutboxDir }, now),
  });
  const app = createApp(
    { ...deps.app, onSubmitted: () => jobs.kick() },
    {
      extend: (a) => {
        // Only where mail is written to files: with a relay, mail is in real mailboxes and the page would show nothing.
        if (mailer instanceof FileMailer) devMailRoutes(a, outboxDir, smsOutboxDir, localHosts(publicUrl, bound.port));
        webRoutes(a, config.webDir, indexHtml);
      },
    },
  );
  bound.serve(app.fetch);

  return {
    url: publicUrl,
    outboxDir,
    smsOutboxDir,
    jobs,
    deps: deps.app,
    close: async () => {
      await jobs.stop();
      await bound.close();
      client.destroy();
      await dynamo.close();
    },
  };
}

/**
 * The hosts the local server answers `/dev/mail` on: the public URL's, and localhost and 127.0.0.1 on the bound port
 * and on the public URL's port (`npm run dev` serves on Vite's port and proxies with the browser's Host).
 */
function localHosts(publicUrl: string, port: number): string[] {
  const url = new URL(publicUrl);
  const ports = [String(port), url.port].filter(Boolean);
  return [url.host, ...ports.flatMap((p) => [`localhost:${p}`, `127.0.0.1:${p}`])];
}

/** The local server's mail transport: files in the outbox, or a relay when MAIL_TRANSPORT=smtp. */
function localMailer(config: Pick<LocalServerOptions, 'mailTransport' | 'smtpUrl'>, outboxDir: string): Mailer {
  if (config.mailTransport !== 'smtp') return new FileMailer(outboxDir);
  if (!config.smtpUrl) throw new Error('SMTP_URL is required with MAIL_TRANSPORT=smtp');
  return new SmtpMailer(config.smtpUrl);
}

async function main(): Promise<void> {
  const server = await startLocalServer(localConfig());
  console.log(`Koto Forms is running at ${server.url}  (mail outbox: ${server.url}/dev/mail)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(`Koto Forms could not start: ${error.message}`);
    process.exit(1);
  });
}
