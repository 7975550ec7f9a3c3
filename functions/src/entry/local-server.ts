import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Catalog } from '../../../schemas/src/index.js';
import { LOCAL_AWS, startDynalite } from '../adapters/dynamo/local-dynalite.js';
import { createStoreClient, ensureTable, toDocumentClient } from '../adapters/dynamo/table.js';
import { readCheckedCatalog, readLocalStaff } from '../adapters/file-catalog.js';
import { FileMailer } from '../adapters/file-mailer.js';
import { FileSmsOutbox } from '../adapters/file-sms.js';
import { SmtpMailer } from '../adapters/smtp-mailer.js';
import type { Mailer } from '../domain/mailer.js';
import { createApp } from '../http/app.js';
import { rateLimitSubject } from '../http/viewer-address.js';
import { buildDeps, jsonLog } from './build-deps.js';
import { intEnv, mailTransportEnv, requireEnv } from './config.js';
import { localSecret } from './local/local-secret.js';
import { startBackgroundJobs, type BackgroundJobs } from './local/background-jobs.js';
import { bindPort, type BoundPort } from './local/bound-port.js';
import { devMailRoutes } from './local/dev-mail-routes.js';
import { readIndexHtml, webRoutes } from './local/web-routes.js';

export interface LocalConfig {
  /** 0 picks a free port. */
  port: number;
  /** Where dynalite and the mail outbox live; without it the store is in memory (tests). */
  dataDir?: string;
  publicUrl?: string;
  mailTransport?: 'file' | 'smtp';
  smtpUrl?: string;
  mailFrom?: string;
  webDir: string;
  schemasDir: string;
  notifyEveryMs?: number;
  log?: (event: Record<string, unknown>) => void;
}

export interface LocalServer {
  url: string;
  outboxDir: string;
  /** The local SMS outbox: one JSON file per message (no SMS gateway runs locally). */
  smsOutboxDir: string;
  jobs: BackgroundJobs;
  close(): Promise<void>;
}

const TABLE_NAME = 'koto';

/** Starts the whole system on one port: web app, API, dynalite, notifier, retention sweeper and mailbox page. */
export async function startLocalServer(config: LocalConfig): Promise<LocalServer> {
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
async function startOn(bound: BoundPort, publicUrl: string, config: LocalConfig, { catalog, indexHtml }: { catalog: Catalog; indexHtml: string }): Promise<LocalServer> {
  const log = config.log ?? jsonLog;
  const dataDir = config.dataDir ? resolve(config.dataDir) : mkdtempSync(join(tmpdir(), 'koto-'));
  const dynamoDir = join(dataDir, 'dynamodb');
  if (config.dataDir) mkdirSync(dynamoDir, { recursive: true });
  const dynamo = await startDynalite(config.dataDir ? dynamoDir : undefined);
  const client = createStoreClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint, maxAttempts: 2 });
  await ensureTable(client, TABLE_NAME);

  const outboxDir = join(dataDir, 'mail');
  const mailer: Mailer =
    config.mailTransport === 'smtp' ? new SmtpMailer(config.smtpUrl ?? 'smtp://127.0.0.1:25') : new FileMailer(outboxDir);

  const smsOutboxDir = join(dataDir, 'sms');
  const deps = buildDeps({
    db: toDocumentClient(client),
    tableName: TABLE_NAME,
    catalog,
    mailer,
    sms: new FileSmsOutbox(smsOutboxDir),
    mailFrom: config.mailFrom ?? 'Koto Forms <no-reply@koto.local>',
    publicUrl,
    actionSecret: localSecret(dataDir, 'action-link.key'),
    clientIp: (c) => rateLimitSubject(getConnInfo(c).remote.address ?? 'unknown'),
    log,
  });
  await deps.app.registry.publishCurrent(new Date().toISOString());
  for (const member of readLocalStaff(config.schemasDir, catalog.municipalities.map((m) => m.id))) await deps.app.staff.put(member);
  const jobs = startBackgroundJobs(deps.notify, { notifyEveryMs: config.notifyEveryMs ?? 2000, sweepEveryMs: 60 * 60_000, digestEveryMs: 24 * 3600_000, log });
  const app = createApp(
    { ...deps.app, onSubmitted: () => jobs.kick() },
    {
      extend: (a) => {
        devMailRoutes(a, outboxDir, smsOutboxDir);
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
    close: async () => {
      await jobs.stop();
      await bound.close();
      client.destroy();
      await dynamo.close();
    },
  };
}

async function main(): Promise<void> {
  const env = process.env;
  const transport = mailTransportEnv(env, 'file');
  if (transport === 'ses') throw new Error('MAIL_TRANSPORT=ses is for AWS; use file or smtp locally');
  const server = await startLocalServer({
    port: intEnv(env, 'PORT', 3000),
    dataDir: env['DATA_DIR'] ?? './.data',
    publicUrl: env['PUBLIC_URL'],
    mailTransport: transport,
    smtpUrl: transport === 'smtp' ? requireEnv(env, 'SMTP_URL') : undefined,
    mailFrom: env['MAIL_FROM'],
    webDir: env['WEB_DIR'] ?? 'dist/web',
    schemasDir: env['SCHEMAS_DIR'] ?? 'schemas',
  });
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
