/**
 * A seeded year of submissions and feedback for Heinola and Orimattila (issue 14), for the report tests: the same
 * seed gives the same list, so the figures a report must show are known. Every submission is received on a
 * working-hours UTC time whose UTC date is its Helsinki date (06–18 UTC), so its month is `submittedAt.slice(0, 7)`.
 * Each carries the staff actions done on it later, with their times; feedback carries scores and free text that must
 * never reach a report.
 */

/** A small fast PRNG (mulberry32): the same seed, the same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedAction {
  /** ISO time of the change. */
  at: string;
  status?: 'in_progress' | 'waiting_resident' | 'done' | 'rejected';
  /** `staff` assigns the town's staff member. */
  assign?: true;
  note?: string;
}

export interface GeneratedSubmission {
  municipality: 'heinola' | 'orimattila';
  formId: string;
  lang: string;
  submittedAt: string;
  answers: Record<string, unknown>;
  /** Staff changes in time order (none for feedback). */
  actions: GeneratedAction[];
}

const pick = <T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T => {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [value, w] of weighted) if ((x -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
};

const FORMS = [
  ['guidance', 40],
  ['registration', 18],
  ['orientation', 14],
  ['hobby', 10],
  ['feedback', 18],
] as const;
// Skewed: many Ukrainian and Russian speakers, a few Thai, Tagalog and Swedish ones (small groups, suppressed).
const LANGS = [
  ['uk', 26],
  ['ru', 18],
  ['fi', 12],
  ['ar', 12],
  ['fa', 9],
  ['en', 9],
  ['et', 7],
  ['th', 3],
  ['tl', 2],
  ['sv', 2],
] as const;
const SERVICES = [
  ['guidance', 40],
  ['integrationPlan', 20],
  ['orientation', 15],
  ['hobby', 10],
  ['onlineForms', 10],
  ['other', 5],
] as const;
// Per town, how the scores lean: Heinola's residents are a little happier.
const SCORES = {
  heinola: [
    [1, 2],
    [2, 4],
    [3, 14],
    [4, 40],
    [5, 40],
  ],
  orimattila: [
    [1, 5],
    [2, 10],
    [3, 25],
    [4, 35],
    [5, 25],
  ],
} as const;

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Submissions a month: a summer dip, more in autumn; Orimattila about two thirds of Heinola. */
function perMonth(rand: () => number, municipality: string, month: number, year: number): number {
  const base = [30, 28, 32, 30, 27, 18, 12, 16, 34, 36, 33, 26][month - 1]!;
  const scale = (municipality === 'heinola' ? 1 : 0.65) * (year === 2026 ? 1 : 0.5);
  return Math.max(1, Math.round(base * scale * (0.85 + rand() * 0.3)));
}

function actions(rand: () => number, submittedAt: number): GeneratedAction[] {
  const out: GeneratedAction[] = [];
  if (rand() < 0.08) return out; // never touched
  // Skewed: most within a day or two, some after weeks.
  const first = submittedAt + Math.floor(HOUR * (rand() < 0.7 ? rand() * 48 : rand() < 0.8 ? 48 + rand() * 240 : 300 + rand() * 1200));
  const kind = rand();
  if (kind < 0.05) return [{ at: iso(first), status: 'rejected', note: 'Roskaposti' }];
  out.push({ at: iso(first), status: 'in_progress', assign: true });
  let at = first;
  if (rand() < 0.15) {
    at += Math.floor(HOUR * (2 + rand() * 72));
    out.push({ at: iso(at), status: 'waiting_resident', note: 'Odottaa liitettä' });
  }
  if (rand() < 0.8) {
    at += Math.floor(HOUR * (rand() < 0.6 ? 1 + rand() * 80 : 80 + rand() * 400));
    out.push({ at: iso(at), status: 'done' });
  }
  return out;
}

function feedbackAnswers(rand: () => number, municipality: 'heinola' | 'orimattila'): Record<string, unknown> {
  const score = () => pick(rand, SCORES[municipality]);
  const answers: Record<string, unknown> = {
    service: pick(rand, SERVICES),
    ratingOverall: score(),
    ratingAccess: score(),
    ratingHelp: score(),
    ratingWelcome: score(),
    consent: true,
  };
  if (rand() < 0.8) answers['ratingInclusion'] = score();
  if (rand() < 0.9) answers['wouldRecommend'] = rand() < 0.8;
  if (rand() < 0.4) answers['comment'] = 'Kiitos Olena Kovalenkolle, hän auttoi paljon.';
  if (rand() < 0.2) Object.assign(answers, { contactRequest: 'email', fullName: 'Olena Kovalenko', email: 'olena.kovalenko@example.com' });
  return answers;
}

/** The generated submissions of 2026 (and, at half the volume, of 2025 for the trend) for both towns. */
export function reportYear(seed = 14): GeneratedSubmission[] {
  const rand = prng(seed);
  const out: GeneratedSubmission[] = [];
  for (const year of [2025, 2026])
    for (const municipality of ['heinola', 'orimattila'] as const)
      for (let month = 1; month <= 12; month++) {
        const n = perMonth(rand, municipality, month, year);
        for (let i = 0; i < n; i++) {
          const day = 1 + Math.floor(rand() * 28);
          const at = Date.UTC(year, month - 1, day, 6 + Math.floor(rand() * 12), Math.floor(rand() * 60));
          const formId = pick(rand, FORMS);
          const lang = pick(rand, LANGS);
          const feedback = formId === 'feedback';
          out.push({
            municipality,
            formId,
            lang,
            submittedAt: iso(at),
            answers: feedback
              ? feedbackAnswers(rand, municipality)
              : { fullName: 'Olena Kovalenko', phone: '+358 40 123 4567', consent: true },
            actions: feedback ? [] : actions(rand, at),
          });
        }
      }
  return out;
}
