import { describe, expect, it } from 'vitest';
import { localize } from '../../schemas/src/localize-form.js';
import { staffTexts } from '../../schemas/src/staff-texts.js';
import { readCatalog } from '../../functions/src/adapters/file-catalog.js';
import { verifyActionLink, LINK_DAYS } from '../../functions/src/domain/staff/action-link.js';
import { staffMailings } from '../../functions/src/domain/staff-mailings.js';
import { staffNotification } from '../../functions/src/domain/staff-notification.js';
import type { Submission } from '../../functions/src/domain/submission.js';
import { nodeCrypto } from '../../functions/src/entry/build-deps.js';

const catalog = readCatalog('schemas');
const form = catalog.forms.find((f) => f.id === 'guidance')!;
const heinola = catalog.municipalities.find((m) => m.id === 'heinola')!;
const words = { fi: localize(form, 'fi'), yesNo: ['Kyllä', 'Ei'] as [string, string], staff: staffTexts(catalog) };
const now = new Date('2026-03-02T08:30:00Z');
const submission: Submission = {
  reference: 'HEI-7K3M-Q9TX',
  formId: 'guidance',
  formVersion: form.version,
  municipality: 'heinola',
  lang: 'uk',
  answers: { topics: ['housing'], fullName: 'Olena Kovalenko', interpreterNeeded: true },
  consentVersion: form.meta.consentVersion,
  submittedAt: now.toISOString(),
  status: 'new',
  version: 1,
  notification: { state: 'pending', attempts: 0 },
  expiresAt: 0,
};
const deps = {
  crypto: nodeCrypto,
  actionSecret: 'secret',
  mail: { from: 'Koto <no-reply@koto.example>', publicUrl: 'https://koto.example/' },
};

describe('the staff notification, as a template', () => {
  it('puts the links it is given in both parts and knows nothing of addresses', () => {
    const links = { open: 'https://x.example/open', claim: 'https://x.example/claim', done: 'https://x.example/done' };
    const content = staffNotification(form, heinola, submission, { ...words, links });
    expect(Object.keys(content).sort()).toEqual(['headers', 'html', 'subject', 'text']);
    for (const link of Object.values(links)) {
      expect(content.text).toContain(link);
      expect(content.html).toContain(`href="${link}"`);
    }
    expect(content.text).toContain('Aiheet: Asuminen');
    expect(content.text).not.toContain('Olena');
  });
});

describe('staff mailings of a submission', () => {
  it('address one message to each mailbox the form is routed to, from the site, with links into it', () => {
    const mailings = staffMailings(deps, form, heinola, submission, words, now);
    expect(mailings.map((m) => m.mailbox)).toEqual(heinola.routing['guidance']);
    for (const { mailbox, mail } of mailings) {
      expect(mail).toMatchObject({ from: deps.mail.from, to: [mailbox], headers: { 'X-Koto-Reference': submission.reference } });
      expect(mail.text).toContain(`Avaa (kirjautuminen vaaditaan): https://koto.example/staff/submissions/${submission.reference}`);
    }
  });

  it("sign each message's claim and done links for its own mailbox, valid for the link days", () => {
    for (const { mailbox, mail } of staffMailings(deps, form, heinola, submission, words, now)) {
      for (const action of ['claim', 'done'] as const) {
        const line = action === 'claim' ? 'Ota käsittelyyn' : 'Merkitse valmiiksi';
        const token = new RegExp(`${line}: https://koto\\.example/a/(\\S+)`).exec(mail.text)?.[1];
        const grant = verifyActionLink(nodeCrypto, deps.actionSecret, token ?? '', now);
        expect(grant).toEqual({
          reference: submission.reference,
          action,
          mailbox,
          exp: now.getTime() / 1000 + LINK_DAYS * 86_400,
          status: submission.status,
          seen: submission.history?.length ?? 0,
        });
      }
    }
  });
});
