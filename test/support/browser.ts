import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../functions/src/entry/local-server.js';
import { chromiumLaunchOptions } from './chromium.js';
import { guidanceBody } from './test-app.js';

export { axeViolations } from './axe.js';

/** The phone the resident pages are tested on. */
export const PHONE = { width: 360, height: 740 };

/** What a browser test file works with: its own server, the worker's Chromium, and `close` for its afterAll. */
export interface BrowserRig {
  server: LocalServer;
  browser: Browser;
  /** Closes the file's browser contexts and its server; the worker's Chromium stays for the next file. */
  close(): Promise<void>;
}

/**
 * The real local server (in-memory store, the built `dist/web`) and Chromium (the npm package's, chosen in
 * `chromium.ts`), for browser tests. Fails loudly, with the command to run, when Chromium is missing: a browser
 * test never skips.
 */
export async function startBrowserRig(options: RigOptions = {}): Promise<BrowserRig> {
  // Playwright fills a form faster than any person, and tests send the same answers again and again: the least fill
  // time would hold them as spam and identical ones would be one case (spam.test.ts keeps the real fill time).
  const server = await startLocalServer({
    port: 0,
    webDir: 'dist/web',
    schemasDir: 'schemas',
    log: () => undefined,
    minFillSeconds: 0,
    identicalWindowMinutes: 0,
    ...options,
  });
  const browser = await workerChromium();
  return {
    server,
    browser,
    close: async () => {
      await Promise.all(browser.contexts().map((context) => context.close()));
      await server.close();
    },
  };
}

let chromiumOfThisWorker: Promise<Browser> | undefined;

/**
 * One Chromium per test worker, launched by the first browser test file it runs and kept for the next, as the
 * worker's module cache is (vitest.config.ts, `isolate`): each file works in browser contexts of its own and closes
 * them. Launched again if it went away; it ends with the worker, whose pipe to it closes.
 */
function workerChromium(): Promise<Browser> {
  chromiumOfThisWorker ??= chromiumLaunchOptions()
    .then((options) => chromium.launch(options))
    .then((browser) => {
      browser.once('disconnected', () => (chromiumOfThisWorker = undefined));
      return browser;
    });
  chromiumOfThisWorker.catch(() => (chromiumOfThisWorker = undefined));
  return chromiumOfThisWorker;
}

/**
 * Saves a screenshot for a person to look at into the folder `KOTO_SHOTS` names, as `<name>.png`
 * (`KOTO_SHOTS=/tmp/shots npx vitest run test/browser/staff-reports.test.ts`). Without it nothing is taken: the
 * tests check the pages themselves, and dozens of full-page images cost every run its time.
 */
export async function lookAt(target: Page | Locator, name: string, { fullPage = false } = {}): Promise<void> {
  const dir = shotsDir();
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await ('goto' in target ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
}

/** The folder screenshots for people go to, if one is asked for (`KOTO_SHOTS`). */
export function shotsDir(): string | undefined {
  return process.env['KOTO_SHOTS'] || undefined;
}

/** What a test file may change in its local server. */
export type RigOptions = Pick<LocalServerOptions, 'minFillSeconds'>;

/** A resident sends the guidance form through the public API; returns its reference. */
export async function submitGuidance(
  server: LocalServer,
  overrides: Record<string, unknown> = {},
  answers: Record<string, unknown> = {},
): Promise<string> {
  const res = await fetch(`${server.url}/api/forms/guidance/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(guidanceBody(overrides, answers)),
  });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}`);
  return ((await res.json()) as { reference: string }).reference;
}

/**
 * Makes the page's next guidance submission one the server refuses (a 201-character name): the browser checks the
 * same schema, so a changed request stands in for an answer only the server refuses.
 */
export async function refuseNextGuidanceSubmission(page: Page, server: LocalServer): Promise<void> {
  await page.route(
    `${server.url}/api/forms/guidance/submissions`,
    async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { answers: Record<string, unknown> };
      await route.continue({ postData: JSON.stringify({ ...body, answers: { ...body.answers, fullName: 'A'.repeat(201) } }) });
    },
    { times: 1 },
  );
}

/** The sign-in link in the newest sign-in mail to `email` in the local outbox. */
export async function newestSignInLink(server: LocalServer, email: string): Promise<string> {
  // Outbox file names start with their ISO time, so the newest sorts last.
  const files = (await readdir(server.outboxDir))
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  for (const file of files) {
    const mail = await simpleParser(await readFile(join(server.outboxDir, file)));
    if (!mail.subject?.startsWith('Kirjautumislinkki') || !JSON.stringify(mail.to ?? '').includes(email)) continue;
    const link = /https?:\/\/\S+\/auth\/verify\?token=[\w%-]+/.exec(mail.text ?? '')?.[0];
    if (link) return link;
  }
  throw new Error(`no sign-in mail to ${email} in the outbox`);
}

/** Signs in as a member does: asks for a link on /staff, opens it from the mail, presses the button. */
export async function signIn(server: LocalServer, page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByRole('button', { name: 'Lähetä kirjautumislinkki' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tarkista sähköpostisi' }).waitFor();
  await page.goto(await newestSignInLink(server, email));
  await page.getByRole('button', { name: /Kirjaudu sisään/ }).click();
  await page.waitForURL(`${server.url}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Saapuneet lomakkeet' }).waitFor();
}

export interface PhoneRig {
  server: LocalServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the usual hooks of a browser test file: one server per file, the worker's Chromium, and a fresh phone-sized
 * page (360×740) per test. `use` receives them before each test; `prepare` may set up each new context; `started`
 * may fill the server's store once before the first test (it may take minutes: a generated year).
 */
export function usePhonePage(
  use: (rig: PhoneRig) => void,
  prepare?: (context: BrowserContext) => Promise<void>,
  { started: fill, ...options }: RigOptions & { started?: (server: LocalServer) => Promise<void> } = {},
): void {
  let started: BrowserRig | undefined;
  let context: BrowserContext | undefined;
  beforeAll(
    async () => {
      started = await startBrowserRig(options);
      await fill?.(started.server);
    },
    fill ? 900_000 : undefined,
  );
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(async () => {
    context = await started!.browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    await prepare?.(context);
    use({ ...started!, context, page: await context.newPage() });
  });
  afterEach(async () => {
    await context?.close();
  });
}
