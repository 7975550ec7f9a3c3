import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_AWS, startDynalite, type LocalDynamo } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { ensureTable } from '../../functions/src/adapters/dynamo/table.js';
import { DEFAULT_LOGIN_LIMIT } from '../../functions/src/entry/build-deps.js';
import { guidanceBody } from '../support/test-app.js';

type Handler = (event: unknown, context?: unknown) => Promise<{ statusCode: number; headers?: Record<string, string>; body: string }>;

const ORIGIN_SECRET = 'lambda-origin-secret';
const BUNDLES = { api: 'dist/lambda/api/index.mjs', notifier: 'dist/lambda/notifier/index.mjs' };
let dynamo: LocalDynamo;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
let api: Handler;
let notifier: (event: unknown) => Promise<Record<string, unknown>>;

/** An API Gateway HTTP API (payload v2) event, as AWS sends it. */
function httpApiEvent(method: string, path: string, opts: { query?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    headers: {
      host: 'api.koto.example',
      'user-agent': 'test',
      ...(opts.body ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'api.koto.example',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:08:30:00 +0000',
      timeEpoch: 1772440200000,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  for (const bundle of Object.values(BUNDLES)) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run build" first (npm test does)`);
  }
  dynamo = await startDynalite();
  await ensureTable(new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint }), 'koto-lambda');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', () => ok()));
  // Stubbed, and put back after the file: test files share their worker's process (vitest.config.ts, `isolate`).
  for (const [name, value] of Object.entries({
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: 'koto-lambda',
    MAIL_FROM: 'Koto Forms <no-reply@koto.example>',
    PUBLIC_URL: 'https://koto.example',
    MAIL_TRANSPORT: 'smtp',
    ACTION_LINK_SECRET: 'lambda-test-secret',
    ORIGIN_VERIFY_SECRET: ORIGIN_SECRET,
    // Thirteen sign-in requests below; test/http/staff-auth.test.ts pins the floor itself.
    SIGN_IN_FLOOR_MS: '0',
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
  }))
    vi.stubEnv(name, value);
  api = ((await import(pathToFileURL(resolve(BUNDLES.api)).href)) as { handler: Handler }).handler;
  notifier = ((await import(pathToFileURL(resolve(BUNDLES.notifier)).href)) as { handler: typeof notifier }).handler;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((ok) => smtp?.close(() => ok()));
  await dynamo?.close();
});

describe('the built Lambda bundles', () => {
  it('answer API Gateway v2 events with the HTTP contract', async () => {
    const health = await api(httpApiEvent('GET', '/api/health'));
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const current = await api(httpApiEvent('GET', '/api/forms/guidance', { query: 'municipality=orimattila&lang=fi' }));
    expect(current.statusCode).toBe(302);
    const [path, query] = String(current.headers?.['location']).split('?');
    const form = await api(httpApiEvent('GET', path!, { query }));
    expect(form.statusCode).toBe(200);
    expect(form.headers?.['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(form.body)).toMatchObject({ id: 'guidance', lang: 'fi', title: 'Ohjaus ja neuvonta' });
    expect(form.headers?.['content-security-policy']).toContain("default-src 'self'");
  });

  it('store a submission, then the notifier mails the routed mailbox through SMTP', async () => {
    const res = await api(
      httpApiEvent('POST', '/api/forms/guidance/submissions', {
        body: guidanceBody({ municipality: 'orimattila' }),
        headers: { 'idempotency-key': 'lambda-test-0001' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const { reference } = JSON.parse(res.body) as { reference: string };
    expect(reference).toMatch(/^ORI-/);
    const retry = await api(
      httpApiEvent('POST', '/api/forms/guidance/submissions', {
        body: guidanceBody({ municipality: 'orimattila' }),
        headers: { 'idempotency-key': 'lambda-test-0001' },
      }),
    );
    expect(JSON.parse(retry.body)).toMatchObject({ reference });

    expect(await notifier({ Records: [] })).toEqual({ batchItemFailures: [], sent: 1, failed: 0 });
    const mail = received.find((m) => m.subject?.includes(reference));
    expect(mail?.subject).toBe(`Uusi lomake: Ohjaus ja neuvonta – Orimattila – ${reference}`);
    expect(mail?.text).toContain(`https://koto.example/staff/submissions/${reference}`);
    expect(mail?.text).not.toContain('Kovalenko');
  });

  it('count sign-in requests per resident behind CloudFront, believing its viewer address only with the origin secret', async () => {
    const login = (n: number, headers: Record<string, string>) =>
      api(
        httpApiEvent('POST', '/api/auth/login', {
          body: { email: `nobody${n}@koto.example` },
          headers: { origin: 'https://koto.example', ...headers },
        }),
      );
    const viaCloudFront = (viewer: string) => ({ 'x-origin-verify': ORIGIN_SECRET, 'cloudfront-viewer-address': `${viewer}:40000` });
    const statuses = async (from: number, to: number, headers: (n: number) => Record<string, string>) => {
      const seen: number[] = [];
      for (let n = from; n < to; n++) seen.push((await login(n, headers(n))).statusCode);
      return seen;
    };
    // Every request below reaches the function from the same edge server (sourceIp 203.0.113.7). A client may ask
    // for DEFAULT_LOGIN_LIMIT links in the window (an office shares an address); the one after answers 429.
    const limit = DEFAULT_LOGIN_LIMIT.limit;
    const allowedThenRefused = [...Array<number>(limit).fill(202), 429];
    expect(await statuses(0, limit + 1, () => viaCloudFront('198.51.100.1'))).toEqual(allowedThenRefused);
    expect(await statuses(limit + 1, limit + 2, () => viaCloudFront('198.51.100.2')), 'another resident is not held back').toEqual([202]);
    // Sent straight to the API without the secret, the viewer header is not believed: all count as the connection.
    const forged = (n: number) => ({ 'x-origin-verify': 'guess', 'cloudfront-viewer-address': `192.0.2.${n % 250}:1` });
    expect(await statuses(limit + 2, 2 * limit + 3, forged)).toEqual(allowedThenRefused);
  });

  it('turn bad input into contract errors, not crashes', async () => {
    const res = await api(
      httpApiEvent('POST', '/api/forms/guidance/submissions', { body: undefined, headers: { 'content-type': 'application/json' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_json' });
  });
});
