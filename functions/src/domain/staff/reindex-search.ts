import type { FormDefinition } from '../../../../schemas/src/index.js';
import { UnknownForm, UnknownMunicipality } from '../errors.js';
import type { FormRegistry } from '../form-registry.js';
import type { Clock, Crypto, SearchIndex, SubmissionStore } from '../ports.js';
import type { Submission } from '../submission.js';
import { indexForSearch } from './search-submissions.js';

export interface ReindexDeps {
  registry: FormRegistry;
  store: SubmissionStore;
  search: SearchIndex;
  crypto: Pick<Crypto, 'sha256'>;
  clock: Clock;
}

/** What a backfill did in one municipality: submissions whose keys were written, and those skipped (form unknown). */
export interface ReindexReport {
  municipality: string;
  indexed: number;
  skipped: number;
}

const PAGE = 100;

/** The definition a submission was validated against, also for a form its municipality no longer offers. */
async function definitionOf(registry: FormRegistry, s: Submission): Promise<FormDefinition | undefined> {
  try {
    return await registry.versions.formVersion(s.municipality, s.formId, s.formVersion);
  } catch (e) {
    if (!(e instanceof UnknownForm || e instanceof UnknownMunicipality)) throw e;
    return (await registry.store.getVersion(s.formId, s.formVersion)) ?? undefined;
  }
}

/**
 * Writes the search keys of every stored submission of each municipality, walking the `byMunicipality` index
 * newest first, as a submission writes its own (`indexForSearch`): for submissions stored before search keys
 * existed. Idempotent: a key is a put of the same item, so running it again changes nothing.
 */
export async function reindexSearch(deps: ReindexDeps, municipalities: readonly string[]): Promise<ReindexReport[]> {
  const now = deps.clock.now();
  const reports: ReindexReport[] = [];
  for (const municipality of municipalities) {
    const report = { municipality, indexed: 0, skipped: 0 };
    let cursor: string | undefined;
    do {
      const page = await deps.store.listSubmissions({ municipalities: [municipality], limit: PAGE, cursor }, now);
      for (const submission of page.items) {
        const form = await definitionOf(deps.registry, submission);
        if (!form) {
          report.skipped++;
          continue;
        }
        await indexForSearch(deps, form, submission);
        report.indexed++;
      }
      cursor = page.cursor;
    } while (cursor);
    reports.push(report);
  }
  return reports;
}
