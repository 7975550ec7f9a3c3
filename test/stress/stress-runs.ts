/**
 * How hard the stress files push: `npm test` runs the short version (a few hundred generated requests, seconds),
 * `npm run test:stress` sets STRESS=1 for thousands (minutes). The properties are the same either way.
 */
export const STRESS = process.env['STRESS'] === '1';

/** `short` runs in `npm test`, `long` under STRESS=1. */
export function runs(short: number, long: number): number {
  return STRESS ? long : short;
}

/** A figure for the report (docs/quality.md): one line on the test output. */
export function report(what: string, figures: Record<string, number>): void {
  console.info(
    `[stress] ${what}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

/** A test's time limit: the default's two minutes, an hour for the long version (it only catches a hang). */
export const TIMEOUT = STRESS ? 60 * 60_000 : 120_000;
