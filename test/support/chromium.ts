import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The one place that decides which browser the tests drive: Chromium from the dev dependency @sparticuz/chromium,
 * a pinned build shipped inside the npm package (docs/stack.md), so `npm ci` is all a machine needs and every
 * machine checks accessibility in the same browser. Never a system browser, never a download.
 */

const PACKAGE = '@sparticuz/chromium';
const INSTALL = `run \`npm ci\` (the dev dependency ${PACKAGE} ships the browser)`;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Flags that work on this machine's closed network. Playwright adds its own (--headless, --no-sandbox,
 * --disable-dev-shm-usage, its --disable-features list...).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The package's own flags (tuned for AWS Lambda) that a test browser here goes without, and why:
 * - one process for everything, and no zygote with it: Lambda cannot fork; here each page keeps its renderer;
 * - its headless mode: Playwright passes `--headless` itself;
 * - web security and mixed-content blocking turned off: a resident's browser enforces both, and so must the tests;
 * - feature lists: a second `--disable-features` or `--enable-features` would replace Playwright's;
 * - WebGL through SwiftShader: no page draws with WebGL, and `--disable-gpu` keeps rendering in software.
 */
const NOT_FROM_PACKAGE = [
  /^--single-process$/,
  /^--no-zygote$/,
  /^--headless/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--(disable|enable)-features=/,
  /^--(use-gl|use-angle|enable-unsafe-swiftshader|ignore-gpu-blocklist|in-process-gpu)\b/,
];

interface SparticuzChromium {
  args: string[];
  executablePath(input?: string): Promise<string>;
  setGraphicsMode: boolean;
}

async function sparticuz(): Promise<{ chromium: SparticuzChromium; version: string }> {
  let chromium: SparticuzChromium;
  try {
    chromium = ((await import(PACKAGE)) as { default: SparticuzChromium }).default;
  } catch (error) {
    throw new Error(`Chromium missing: ${PACKAGE} is not installed; ${INSTALL}`, { cause: error });
  }
  const manifest = join(repoRoot, 'node_modules', PACKAGE, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  // No WebGL through SwiftShader: the flags render without a GPU (the package then adds --disable-webgl).
  chromium.setGraphicsMode = false;
  return { chromium, version };
}

/**
 * The path of the package's Chromium binary, unpacked once per package version into node_modules/.cache (the
 * package itself would unpack into the shared /tmp/chromium, whatever version is already there). Safe to call from
 * several processes at once: each unpacks into its own folder, and the first to rename it into place wins.
 */
export async function chromiumExecutable(): Promise<string> {
  const { chromium, version } = await sparticuz();
  const dir = join(repoRoot, 'node_modules', '.cache', 'koto-chromium', version);
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.unpacking-`);
  // The package unpacks into os.tmpdir(), which follows TMPDIR: pointed at the staging folder for the call.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const unpacked = await chromium.executablePath();
    if (unpacked !== join(staging, 'chromium')) throw new Error(`${PACKAGE} unpacked Chromium to ${unpacked}, not into ${staging}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Chromium could not be unpacked from ${PACKAGE}; ${INSTALL}`, { cause: error });
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/** How to launch the tests' Chromium with Playwright: the package's binary, our flags and the package's that fit. */
export async function chromiumLaunchOptions(): Promise<{ executablePath: string; args: string[] }> {
  const { chromium } = await sparticuz();
  const fromPackage = chromium.args.filter((flag) => !NOT_FROM_PACKAGE.some((not) => not.test(flag)));
  return { executablePath: await chromiumExecutable(), args: [...new Set([...CHROMIUM_FLAGS, ...fromPackage])] };
}
