import { describe, expect, it } from 'vitest';
import { notifyStaff } from '../../functions/src/domain/notify-staff.js';
import { useDynalite } from '../support/dynamo.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';
import { signActionLink } from '../../functions/src/domain/staff/action-link.js';
import { HEINOLA, lastSignInToken, ORIGIN, seedStaff, signIn, staffRequest } from '../support/staff.js';
import { buildTestApp, guidanceBody, postJson } from '../support/test-app.js';

useDynalite();

type T = Awaited<ReturnType<typeof buildTestApp>>;

const MAILBOX = 'kotoutumisohjaaja@heinola.fi';

async function submit(t: T): Promise<string> {
  t.clock.advance(60_000);
  const res = await postJson(t.app, '/api/forms/guidance/submissions', guidanceBody());
  return ((await res.json()) as { reference: string }).reference;
}

/** Runs the notifier and reads the claim and done links, as paths, from the text part of the mail `MAILBOX` got for `reference`. */
async function mailedLinks(t: T, reference: string): Promise<{ claim: string; done: string }> {
  await notifyStaff(t.deps.notify);
  const mail = t.mailer.sent.find((m) => m.to.includes(MAILBOX) && m.headers?.['X-Koto-Reference'] === reference);
  if (!mail) throw new Error(`no notification to ${MAILBOX} for ${reference}`);
  const path = (label: string) => {
    const url = new RegExp(`^${label}: (\\S+)$`, 'm').exec(mail.text)?.[1];
    if (!url) throw new Error(`no "${label}" link in the mail`);
    expect(url.startsWith('http://localhost:3000/a/')).toBe(true);
    return new URL(url).pathname;
  };
  return { claim: path('Ota käsittelyyn'), done: path('Merkitse valmiiksi') };
}

/** The same link with its payload rewritten by `edit` and the original signature kept. */
type Grant = [string, string, string, number, ...unknown[]];
function tamper(link: string, edit: (grant: Grant) => unknown[]): string {
  const [payload, signature] = link.slice('/a/'.length).split('.');
  const grant = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Grant;
  return `/a/${Buffer.from(JSON.stringify(edit(grant))).toString('base64url')}.${signature}`;
}

/** What a link could change, to compare before and after. */
async function state(t: T, reference: string) {
  const s = await t.deps.app.store.getSubmission(reference, t.clock.now());
  return {
    status: s?.status,
    assignee: s?.assignee ?? null,
    version: s?.version,
    history: s?.history ?? [],
    audit: await t.deps.app.audit.list(reference, t.clock.now()),
  };
}

describe('action links taken from the notification mail', () => {
  it('show a confirm page on GET that changes nothing; POST claims, then marks done', async () => {
    const t = await buildTestApp();
    const reference = await submit(t);
    const { claim, done } = await mailedLinks(t, reference);
    const before = await state(t, reference);
    expect(before).toMatchObject({ status: 'new', assignee: null, version: 1, audit: [] });

    const page = await t.app.request(claim);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(`Ota käsittelyyn: ${reference}`);
    expect(html).toContain('<form class="page-form" method="post"><button class="button" type="submit">Ota käsittelyyn</button></form>');
    // A mail scanner may fetch every link, more than once.
    await t.app.request(claim);
    await t.app.request(done);
    expect(await state(t, reference)).toEqual(before);

    const claimed = await staffRequest(t, 'POST', claim);
    expect(claimed.status).toBe(200);
    const claimedHtml = await claimed.text();
    expect(claimedHtml).toContain('Tehty.');
    // The state in the staff's words, not its code.
    expect(claimedHtml).toContain(`Tila: käsittelyssä, käsittelijä: ${MAILBOX}`);
    expect(await state(t, reference)).toMatchObject({ status: 'in_progress', assignee: MAILBOX, version: 2 });

    const finished = await staffRequest(t, 'POST', done);
    expect(finished.status).toBe(200);
    expect(await finished.text()).toContain('Tila: valmis,');
    expect(await state(t, reference)).toMatchObject({ status: 'done', assignee: MAILBOX, version: 3 });
  });

  it('refuse a payload changed from claim to done, keeping the signature, and change nothing', async () => {
    const t = await buildTestApp();
    const reference = await submit(t);
    const { claim } = await mailedLinks(t, reference);
    const forged = tamper(claim, ([ref, , mailbox, exp]) => [ref, 'done', mailbox, exp]);
    expect(forged).not.toBe(claim);
    const before = await state(t, reference);
    for (const method of ['GET', 'POST']) {
      const res = await staffRequest(t, method, forged);
      expect(res.status, method).toBe(401);
      expect(await res.text()).toContain('Linkki ei kelpaa');
    }
    expect(await state(t, reference)).toEqual(before);
  });

  it('refuse a payload pointing at another submission, keeping the signature, and change neither', async () => {
    const t = await buildTestApp();
    const reference = await submit(t);
    const other = await submit(t);
    const { claim, done } = await mailedLinks(t, reference);
    const before = [await state(t, reference), await state(t, other)];
    for (const link of [claim, done]) {
      const forged = tamper(link, ([, action, mailbox, exp]) => [other, action, mailbox, exp]);
      expect((await t.app.request(forged)).status).toBe(401);
      expect((await staffRequest(t, 'POST', forged)).status).toBe(401);
    }
    // Neither a longer life nor another mailbox passes either.
    const longer = tamper(claim, ([ref, action, mailbox, exp]) => [ref, action, mailbox, exp + 86_400]);
    const otherMailbox = tamper(claim, ([ref, action, , exp]) => [ref, action, 'staff.heinola@koto.local', exp]);
    for (const forged of [longer, otherMailbox]) expect((await staffRequest(t, 'POST', forged)).status).toBe(401);
    expect([await state(t, reference), await state(t, other)]).toEqual(before);
  });

  it('work until seven days after the mail and are refused one second later', async () => {
    const t = await buildTestApp();
    const reference = await submit(t);
    const mailedAt = t.clock.now().getTime();
    const { claim, done } = await mailedLinks(t, reference);
    t.clock.current = new Date(mailedAt + 7 * 86_400_000 - 1000);
    expect((await t.app.request(claim)).status).toBe(200);
    t.clock.current = new Date(mailedAt + 7 * 86_400_000 + 1000);
    const before = await state(t, reference);
    for (const link of [claim, done]) {
      const page = await t.app.request(link);
      expect(page.status).toBe(401);
      expect(await page.text()).toContain('Linkki ei ole voimassa');
      expect((await staffRequest(t, 'POST', link)).status).toBe(401);
    }
    expect(await state(t, reference)).toEqual(before);
    expect(before).toMatchObject({ status: 'new', version: 1 });
  });

  it('lead someone not signed in to sign in and back to the confirm page, so that the action is theirs', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const reference = await submit(t);
    const { claim } = await mailedLinks(t, reference);

    const html = await (await t.app.request(claim)).text();
    const signInHref = `/staff?next=${encodeURIComponent(claim)}`;
    expect(html).toContain(`<a class="page-link" href="${signInHref}">Kirjaudu sisään ja palaa tälle sivulle`);

    // The staff page asks for a link with that `next`; the mail, the verify page and the redirect keep it.
    await staffRequest(t, 'POST', '/api/auth/login', { body: { email: HEINOLA, next: claim } });
    const mailed = t.mailer.sent.at(-1)!.text;
    expect(mailed).toContain(`&next=${encodeURIComponent(claim)}`);
    const verifyPath = /http:\/\/localhost:3000(\/auth\/verify\?\S+)/.exec(mailed)![1]!;
    expect(await (await t.app.request(verifyPath)).text()).toContain(`<input type="hidden" name="next" value="${claim}" />`);
    const session = await t.app.request('/api/auth/session', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: lastSignInToken(t, HEINOLA), next: claim }).toString(),
    });
    expect(session.status).toBe(303);
    expect(session.headers.get('location')).toBe(claim);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;

    // Back on the confirm page, signed in: no sign-in offered, and the claim is the member's own.
    const again = await staffRequest(t, 'GET', claim, { cookie });
    expect(await again.text()).not.toContain('Kirjaudu sisään ja palaa');
    expect((await staffRequest(t, 'POST', claim, { cookie })).status).toBe(200);
    expect(await state(t, reference)).toMatchObject({ status: 'in_progress', assignee: HEINOLA });
  });
});

describe('action links and what happened since the mail', () => {
  it('do not close again a case reopened after the mail: the old done link is 409 and changes nothing, nor does the claim', async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const reference = await submit(t);
    const { claim, done } = await mailedLinks(t, reference);
    expect((await staffRequest(t, 'POST', done)).status).toBe(200);
    // A colleague reopens it in the inbox.
    const cookie = await signIn(t, HEINOLA);
    const reopen = await staffRequest(t, 'PATCH', `/api/staff/submissions/${reference}`, {
      cookie,
      body: { status: 'in_progress', expectedVersion: 2 },
    });
    expect(reopen.status).toBe(200);
    const before = await state(t, reference);
    expect(before).toMatchObject({ status: 'in_progress', version: 3 });
    for (const link of [done, claim]) {
      const res = await staffRequest(t, 'POST', link);
      expect(res.status, link).toBe(409);
      expect(await res.text()).toContain('merkitty valmiiksi tämän viestin lähettämisen jälkeen');
      // Signed in or not.
      expect((await staffRequest(t, 'POST', link, { cookie })).status, link).toBe(409);
    }
    expect(await state(t, reference)).toEqual(before);
  });

  it('still repeat harmlessly while the case stays done, and refuse a state rewritten in the payload', async () => {
    const t = await buildTestApp();
    const reference = await submit(t);
    const { done } = await mailedLinks(t, reference);
    expect((await staffRequest(t, 'POST', done)).status).toBe(200);
    const before = await state(t, reference);
    const again = await staffRequest(t, 'POST', done);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Tämä oli jo tehty');
    // Moving the link's view of the history past the closing, keeping the signature, is a forgery.
    const forged = tamper(done, ([ref, action, mailbox, exp]) => [ref, action, mailbox, exp, 'in_progress', 5]);
    expect((await staffRequest(t, 'POST', forged)).status).toBe(401);
    expect(await state(t, reference)).toEqual(before);
  });

  it("stop working for a mailbox the municipality's current routing no longer sends the form to, signed in or not", async () => {
    const t = await buildTestApp();
    await seedStaff(t);
    const reference = await submit(t);
    const cookie = await signIn(t, HEINOLA);
    const exp = Math.floor(t.clock.now().getTime() / 1000) + 86_400;
    // Signed with the real key, as a mail to a mailbox that was routed the form before the routing changed.
    const stale = (action: 'claim' | 'done') =>
      `/a/${signActionLink(nodeCrypto, 'test-action-secret', { reference, action, mailbox: 'vanha.laatikko@heinola.fi', exp, status: 'new', seen: 0 })}`;
    const before = await state(t, reference);
    for (const action of ['claim', 'done'] as const) {
      expect((await t.app.request(stale(action))).status, action).toBe(401);
      for (const who of [undefined, cookie]) {
        const res = await staffRequest(t, 'POST', stale(action), { cookie: who });
        expect(res.status, action).toBe(401);
        expect(await res.text()).toContain('Linkki ei ole voimassa');
      }
    }
    expect(await state(t, reference)).toEqual(before);
  });
});
