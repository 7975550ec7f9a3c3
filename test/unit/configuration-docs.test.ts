import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiConfig, lambdaConfig } from '../../functions/src/entry/lambda-config.js';
import { localConfig } from '../../functions/src/entry/local-config.js';
import { putStaffConfig } from '../../functions/src/entry/put-staff-config.js';
import { CONFIG_MODULES } from '../support/config-modules.js';

const DOC = 'docs/configuration.md';

/** The variables (and CDK context names) a configuration module reads. */
function variablesOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const calls = [...source.matchAll(/\w+\((?:env|app), '([A-Za-z][A-Za-z0-9_]*)'/g)].map((m) => m[1]!);
  const indexed = [...source.matchAll(/env\['([A-Z][A-Z0-9_]*)'\]/g)].map((m) => m[1]!);
  return [...new Set([...calls, ...indexed])];
}

/** The names listed in the tables of docs/configuration.md (its first column). */
const documented = [...readFileSync(DOC, 'utf8').matchAll(/^\| `([A-Za-z][A-Za-z0-9_]*)` \|/gm)].map((m) => m[1]!);

describe('the configuration is read in one place per entry point and listed once', () => {
  it(`${DOC} lists every variable a configuration module reads, and nothing else`, () => {
    const read = new Set(CONFIG_MODULES.flatMap(variablesOf));
    expect(read.size).toBeGreaterThan(15);
    expect([...read].filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !read.has(name))).toEqual([]);
  });

  it('each variable has its line of documentation in the module that reads it', () => {
    for (const file of CONFIG_MODULES) {
      const source = readFileSync(file, 'utf8');
      for (const name of variablesOf(file))
        expect(source, `${file}: ${name}`).toMatch(new RegExp(`/\\*\\* (Context )?\`${name}\`(, \`\\w+\`)?:`));
    }
  });
});

describe('the local server configuration', () => {
  it('has a default for everything but the SMTP relay', () => {
    expect(localConfig({})).toEqual({
      port: 3000,
      dataDir: './.data',
      publicUrl: undefined,
      mailTransport: 'file',
      smtpUrl: undefined,
      mailFrom: 'Koto Forms <no-reply@koto.local>',
      webDir: 'dist/web',
      schemasDir: 'schemas',
    });
  });

  it('reads every variable, and treats an empty one as unset', () => {
    const env = {
      PORT: '0',
      DATA_DIR: '',
      PUBLIC_URL: 'https://koto.example',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://relay:25',
      MAIL_FROM: 'a@b.example',
      WEB_DIR: 'w',
      SCHEMAS_DIR: 's',
    };
    expect(localConfig(env)).toEqual({
      port: 0,
      dataDir: './.data',
      publicUrl: 'https://koto.example',
      mailTransport: 'smtp',
      smtpUrl: 'smtp://relay:25',
      mailFrom: 'a@b.example',
      webDir: 'w',
      schemasDir: 's',
    });
  });

  it('names the variable it cannot use', () => {
    expect(() => localConfig({ PORT: 'eighty' })).toThrow('PORT must be a non-negative integer, got "eighty"');
    expect(() => localConfig({ MAIL_TRANSPORT: 'ses' })).toThrow('MAIL_TRANSPORT must be file or smtp (ses is for AWS), got "ses"');
    expect(() => localConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow('Missing environment variable SMTP_URL');
    expect(() => localConfig({ PUBLIC_URL: 'koto.example' })).toThrow('PUBLIC_URL must be an http or https URL');
  });
});

describe('the Lambda configuration', () => {
  const env = {
    TABLE_NAME: 't',
    PUBLIC_URL: 'https://koto.example',
    MAIL_FROM: 'a@koto.example',
    ACTION_LINK_SECRET: 's',
    ORIGIN_VERIFY_SECRET: 'o',
  };
  const bundle = 'file:///var/task/index.mjs';

  it('needs the stack-given variables and defaults the rest', () => {
    expect(lambdaConfig(bundle, env)).toEqual({
      tableName: 't',
      schemasDir: '/var/task/schemas',
      publicUrl: 'https://koto.example',
      mailFrom: 'a@koto.example',
      mailTransport: 'ses',
      smtpUrl: undefined,
      sesConfigurationSet: undefined,
      smsOriginationIdentity: undefined,
      smsConfigurationSet: undefined,
      actionLinkSecret: 's',
      signInFloorMs: 1000,
      formVersionGraceDays: 7,
    });
    expect(apiConfig(bundle, env).originVerifySecret).toBe('o');
  });

  it('names what is missing or wrong', () => {
    for (const name of ['TABLE_NAME', 'PUBLIC_URL', 'MAIL_FROM', 'ACTION_LINK_SECRET']) {
      expect(() => lambdaConfig(bundle, { ...env, [name]: undefined })).toThrow(`Missing environment variable ${name}`);
    }
    expect(() => apiConfig(bundle, { ...env, ORIGIN_VERIFY_SECRET: '' })).toThrow('Missing environment variable ORIGIN_VERIFY_SECRET');
    expect(() => lambdaConfig(bundle, { ...env, MAIL_TRANSPORT: 'file' })).toThrow(
      'MAIL_TRANSPORT must be ses or smtp (file writes to local disk), got "file"',
    );
  });
});

describe('the staff command configuration', () => {
  it('needs the table and reads the catalog from schemas by default', () => {
    expect(putStaffConfig({ TABLE_NAME: 'koto-prod' })).toEqual({ tableName: 'koto-prod', schemasDir: 'schemas' });
    expect(() => putStaffConfig({})).toThrow('Missing environment variable TABLE_NAME');
  });
});
