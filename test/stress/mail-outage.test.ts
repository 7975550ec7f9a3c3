import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';
import { report, runs, TIMEOUT } from './stress-runs.js';

useDynalite();

const SUBMIT = '/api/forms/guidance/submissions';
const MINUTE = 60_000;

type T = Awaited<ReturnType<typeof buildTestApp>>;

/** Every message sent, as `reference → recipient`: mail by its X-Koto-Reference header, SMS by its reference. */
function deliveries(t: T): string[] {
  return [
    ...t.mailer.sent.map((m) => `${m.headers?.['X-Koto-Reference']} → ${m.to.join(',')}`),
    ...t.sms.sent.map((s) => `${s.reference} → sms:${s.to}`),
  ];
}

/**
 * The `i`th resident's phone number, as typed and as texted to: each resident their own, as in life (one number
 * gets at most 3 confirmations an hour, which a burst from one number would meet).
 */
const phone = (i: number) => ({ typed: `+358 40 1${String(i).padStart(6, '0')}`, e164: `+358401${String(i).padStart(6, '0')}` });

async function submit(t: T, count: number): Promise<string[]> {
  const references: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = guidanceBody({}, { phone: phone(i).typed });
    const res = await postJson(t.app, SUBMIT, body, { 'x-test-client': `198.51.100.${i % 250}` });
    expect(res.status).toBe(201);
    references.push(((await res.json()) as { reference: string }).reference);
  }
  return references;
}

/** Two notifiers at once, as two overlapping Lambda runs or a kick during a tick: the lease keeps them apart. */
async function tick(t: T): Promise<void> {
  await Promise.all([notifyStaff(t.deps.notify), notifyStaff(t.deps.notify)]);
}

describe('mail down for an hour', () => {
  it(
    'delivers every notification once after recovery, none twice, even with a flaky mail service after',
    async () => {
      // What one submission gets with mail working: the routed staff mailboxes and the resident's confirmation.
      const baseline = await buildTestApp();
      const [one] = await submit(baseline, 1);
      await notifyStaff(baseline.deps.notify);
      const perSubmission = deliveries(baseline)
        .map((d) => d.replace(one!, 'REF').replace(phone(0).e164, 'PHONE'))
        .sort();
      expect(perSubmission.length).toBeGreaterThan(1);

      const figures = { submissions: 0, expected: 0, delivered: 0, lost: 0, duplicated: 0, attemptsDuringOutage: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: runs(10, 60) }),
          fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 6 }),
          // After the outage the service fails now and then: these sends (by number) fail once more.
          fc.uniqueArray(fc.nat({ max: 60 }), { maxLength: 4 }),
          async (count, stepsMinutes, flaky) => {
            const t = await buildTestApp();
            const references = await submit(t, count);
            const outage = new Error('451 4.3.0 Mail server temporarily unavailable');
            t.mailer.failWith = outage;
            t.sms.failWith = outage;
            let tried = 0;
            const send = t.mailer.send.bind(t.mailer);
            t.mailer.send = (mail) => (tried++, send(mail));

            // An hour of simulated time, the notifier ticking at uneven steps, every send refused.
            const end = t.clock.now().getTime() + 60 * MINUTE;
            for (let i = 0; t.clock.now().getTime() < end; i++) {
              await tick(t);
              t.clock.advance(stepsMinutes[i % stepsMinutes.length]! * MINUTE);
            }
            expect(deliveries(t)).toEqual([]);
            figures.attemptsDuringOutage += tried;

            // Back, but flaky: a few single sends still fail; the notifier keeps ticking until nothing is due.
            t.mailer.failWith = undefined;
            t.sms.failWith = undefined;
            let sends = 0;
            t.mailer.send = (mail) => (flaky.includes(sends++) ? Promise.reject(new Error('421 try again')) : send(mail));
            const pending = async () =>
              (await t.deps.app.store.dueNotifications(new Date(t.clock.now().getTime() + 2 * 60 * MINUTE), 1)).length > 0;
            for (let i = 0; i < 30 && (await pending()); i++) {
              await tick(t);
              t.clock.advance(61 * MINUTE);
            }

            const expected = references
              .flatMap((r, i) => perSubmission.map((d) => d.replace('REF', r).replace('PHONE', phone(i).e164)))
              .sort();
            const got = deliveries(t).sort();
            figures.submissions += count;
            figures.expected += expected.length;
            figures.delivered += got.length;
            figures.lost += expected.filter((d) => !got.includes(d)).length;
            figures.duplicated += got.length - new Set(got).size;
            expect(got).toEqual(expected);
          },
        ),
        { numRuns: runs(2, 20) },
      );
      report('mail down for an hour', figures);
      expect(figures.lost + figures.duplicated).toBe(0);
    },
    TIMEOUT,
  );
});
