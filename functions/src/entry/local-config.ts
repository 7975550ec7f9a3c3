import { choiceEnv, intEnv, optionalEnv, requireEnv, urlEnv, type Env } from './env.js';

/** What `npm start` (`dist/server/local-server.mjs`) reads from its environment, once; docs/configuration.md lists it. */
export interface LocalConfig {
  /** `PORT`: the port of the web app and the API on 127.0.0.1, one origin; 0 picks a free one. */
  port: number;
  /** `DATA_DIR`: dynalite's files, the mail and SMS outboxes and the local secrets; a second start keeps them. */
  dataDir: string;
  /** `PUBLIC_URL`: the site's address, for links in mail and the origin state changes must come from; by default `http://localhost:<port>`. */
  publicUrl?: string;
  /** `MAIL_TRANSPORT`: `file` writes `<DATA_DIR>/mail/*.eml` (read them at `/dev/mail`); `smtp` sends through `SMTP_URL`. */
  mailTransport: 'file' | 'smtp';
  /** `SMTP_URL`: the relay (`smtp://user:pass@host:587`); required with `MAIL_TRANSPORT=smtp`. */
  smtpUrl?: string;
  /** `MAIL_FROM`: the sender of every mail. */
  mailFrom: string;
  /** `WEB_DIR`: the built web app (`npm run build`). */
  webDir: string;
  /** `SCHEMAS_DIR`: forms, municipalities, texts and the local staff file, checked at start. */
  schemasDir: string;
}

/** The local store's one table (in dynalite, under `DATA_DIR`). */
export const LOCAL_TABLE_NAME = 'koto';

/** What the local server uses where a variable is not set. */
export const LOCAL_DEFAULTS = {
  port: 3000,
  dataDir: './.data',
  mailTransport: 'file',
  mailFrom: 'Koto Forms <no-reply@koto.local>',
  webDir: 'dist/web',
  schemasDir: 'schemas',
} as const satisfies Partial<LocalConfig>;

/** The local server's configuration; throws, naming the variable, on a value it cannot use. */
export function localConfig(env: Env = process.env): LocalConfig {
  const mailTransport = choiceEnv(env, 'MAIL_TRANSPORT', ['file', 'smtp'], LOCAL_DEFAULTS.mailTransport, 'ses is for AWS');
  return {
    port: intEnv(env, 'PORT', LOCAL_DEFAULTS.port),
    dataDir: optionalEnv(env, 'DATA_DIR') ?? LOCAL_DEFAULTS.dataDir,
    publicUrl: urlEnv(env, 'PUBLIC_URL'),
    mailTransport,
    smtpUrl: mailTransport === 'smtp' ? requireEnv(env, 'SMTP_URL') : undefined,
    mailFrom: optionalEnv(env, 'MAIL_FROM') ?? LOCAL_DEFAULTS.mailFrom,
    webDir: optionalEnv(env, 'WEB_DIR') ?? LOCAL_DEFAULTS.webDir,
    schemasDir: optionalEnv(env, 'SCHEMAS_DIR') ?? LOCAL_DEFAULTS.schemasDir,
  };
}
