import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 A/AA rules of axe-core that every page is checked against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken, with the elements (CSS selectors) that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * axe-core's WCAG rules on the page as it is now, run in the page itself: the script is evaluated once per document
 * and each check is one `axe.run`. The same axe, rules and results as `@axe-core/playwright`, which evaluates the
 * 580 kB script anew for every check and finishes each run in a page of its own; that cost 0.6 to 0.9 s a check on
 * this 2-core machine against 0.05 to 0.4 s here, and the accessibility matrix checks hundreds of page states.
 * `contrast: false` leaves out colour contrast (the matrix checks it in one language of each direction).
 */
export async function axeRun(page: Page, { contrast = true }: { contrast?: boolean } = {}): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol like Playwright's own scripts, so the pages' CSP does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, contrast }) => {
      type Result = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: contrast ? {} : { 'color-contrast': { enabled: false } },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        targets: v.nodes.map((n) => n.target.flat().join(' ')),
      }));
    },
    { tags: WCAG_TAGS, contrast },
  );
}

/** WCAG 2.2 A/AA violations axe finds on the page, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await axeRun(page)).map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
