import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { buildDeps, type CoreConfig } from '../../functions/src/entry/build-deps.js';
import { createApp } from '../../functions/src/http/app.js';
import type { Clock } from '../../functions/src/domain/ports.js';
import { freshTable } from './dynamo.js';
import { RecordingMailer } from './recording-mailer.js';
import { RecordingSms } from './recording-sms.js';

export const catalog = readCatalog('schemas');
/** The current (published) version of the guidance form. */
export const GUIDANCE_VERSION = catalog.forms.find((f) => f.id === 'guidance')!.version;

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(public current = new Date('2026-03-02T08:30:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real app over a fresh dynalite table, with a recording mailer and a test clock; override any part. */
export async function buildTestApp(overrides: Partial<CoreConfig> = {}) {
  const table = await freshTable();
  const mailer = new RecordingMailer();
  const sms = new RecordingSms();
  const clock = new TestClock();
  const logs: Record<string, unknown>[] = [];
  const deps = buildDeps({
    db: table.db,
    tableName: table.tableName,
    catalog,
    mailer,
    sms,
    mailFrom: 'Koto Forms <no-reply@koto.local>',
    publicUrl: 'http://localhost:3000',
    actionSecret: 'test-action-secret',
    clientIp: (c) => c.req.header('x-test-client') ?? '127.0.0.1',
    clock,
    log: (e) => logs.push(e),
    // Sign-in requests answer at once here; test/http/staff-auth.test.ts holds them with a gate of its own.
    signInFloorMs: 0,
    // Tests send the same answers again and again; test/http/spam.test.ts groups identical ones as production does.
    identicalWindowMinutes: 0,
    ...overrides,
  });
  await deps.app.registry.start(clock.now());
  return { app: createApp(deps.app), deps, mailer, sms, clock, logs, table };
}

/**
 * GETs a path from the app in-process and follows one redirect, as a browser does: the current version of a form
 * (`/api/forms/F?…`) is a redirect to that version's immutable URL.
 */
export async function getFollowing(app: { request: (path: string) => Response | Promise<Response> }, path: string): Promise<Response> {
  const res = await app.request(path);
  const location = res.headers.get('location');
  return res.status === 302 && location ? app.request(location) : res;
}

/** A complete, valid set of answers to the guidance form. */
export function guidanceAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topics: ['housing', 'kela'],
    fullName: 'Olena Kovalenko',
    latinName: 'Olena Kovalenko',
    preferredLanguage: 'uk',
    contactWay: 'phone',
    phone: '+358 40 123 4567',
    interpreterNeeded: true,
    interpreterLanguage: 'uk',
    consent: true,
    ...overrides,
  };
}

/** A submission request body for the guidance form. */
export function guidanceBody(overrides: Record<string, unknown> = {}, answers: Record<string, unknown> = {}) {
  return { municipality: 'heinola', lang: 'en', formVersion: GUIDANCE_VERSION, answers: guidanceAnswers(answers), ...overrides };
}

/** POSTs JSON to the app in-process. */
export function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every submission item in the test app's table (a scan: tests only), to show that a refused request stored nothing. */
export async function storedSubmissions(t: Awaited<ReturnType<typeof buildTestApp>>) {
  const { Items = [] } = await t.table.db.send(
    new ScanCommand({
      TableName: t.table.tableName,
      FilterExpression: '#t = :s',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':s': 'submission' },
    }),
  );
  return Items;
}
