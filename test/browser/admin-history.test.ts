import { describe, expect, it } from 'vitest';
import { PHONE, axeViolations, signIn, usePhonePage, type PhoneRig } from '../support/browser.js';

// Real Chromium from the npm package (test/support/chromium.ts), never a download. Needs `npm run build` first (dist/web).
const ADMIN = 'admin@koto.local';

let rig: PhoneRig;
usePhonePage((r) => (rig = r));

type Definition = { texts: { fi: { title: string } }; schema: { properties: Record<string, Record<string, unknown>> } };

/** The admin API as the signed-in page's context calls it (its session cookie, its origin). */
const api = async (method: string, path: string, data?: unknown) =>
  rig.context.request.fetch(`${rig.server.url}/api/admin/forms/guidance${path}`, {
    method,
    headers: { origin: rig.server.url },
    ...(data === undefined ? {} : { data }),
  });

describe("an admin on a form's History tab", () => {
  it('sees who published each version, when and why, the difference between two, and rolls one back', async () => {
    const { server, page } = rig;
    await signIn(server, page, ADMIN);

    // A version published through the API: a new Finnish title, and a shorter message.
    const before = (await (await api('GET', '/versions')).json()) as { current: number };
    const draft = (await (await api('GET', '/draft')).json()) as { definition: Definition; revision: number };
    const oldTitle = draft.definition.texts.fi.title;
    draft.definition.texts.fi.title = 'Ohjaus, neuvonta ja tuki';
    draft.definition.schema.properties['message']!['maxLength'] = 1000;
    expect((await api('PUT', '/draft', { definition: draft.definition, revision: draft.revision })).status()).toBe(200);
    const published = await api('POST', '/publish', { note: 'Otsikko tarkennettu.', revision: draft.revision + 1 });
    expect(published.status()).toBe(201);
    const { version } = (await published.json()) as { version: number };
    expect(version).toBe(before.current + 1);

    await page.goto(`${server.url}/admin/forms/guidance/history`);
    await page.getByRole('heading', { level: 2, name: 'Julkaistut versiot' }).waitFor();
    const list = page.locator('.wb-versions > li');
    expect(await list.first().innerText()).toMatch(
      new RegExp(
        `^Versio ${version} \\(nykyinen\\)\\s+Julkaisija admin@koto\\.local, \\d{1,2}\\.\\d{1,2}\\.\\d{4} klo \\d{1,2}\\.\\d{2}\\s+Otsikko tarkennettu\\.`,
      ),
    );
    expect(await list.nth(1).getByRole('heading').innerText()).toBe(`Versio ${before.current}`);
    // Only the versions that are not current can be brought back.
    expect(await list.first().getByRole('button', { name: 'Palauta tämä versio' }).count()).toBe(0);

    // The comparison starts at the previous version against the current one.
    expect(await page.getByLabel('Vanhempi versio').inputValue()).toBe(String(before.current));
    expect(await page.getByLabel('Uudempi versio').inputValue()).toBe(String(version));
    await page.getByText(`Muutokset versiosta ${before.current} versioon ${version}`).waitFor();
    const suomi = page.locator('.wb-diff__language').filter({ has: page.getByRole('heading', { level: 4, name: /^suomi/ }) });
    expect(await suomi.getByRole('listitem').first().innerText()).toBe(`Lomakkeen otsikko: ${oldTitle} → Ohjaus, neuvonta ja tuki`);
    expect(await page.getByRole('heading', { level: 3, name: 'Kysymykset' }).count()).toBe(1);
    expect(await page.locator('.wb-diff').innerText()).toContain('rajat: Enintään merkkejä 2000 → Enintään merkkejä 1000');

    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Rolling back asks why and to confirm, then says what happened; the list has the new version.
    await list.nth(1).getByRole('button', { name: 'Palauta tämä versio' }).click();
    await page.getByRole('heading', { level: 4, name: `Palautetaanko versio ${before.current}?` }).waitFor();
    await page.getByLabel('Miksi versio palautetaan?').fill('Vanha otsikko takaisin.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Palauta versio ${before.current}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Versio ${before.current} palautettiin: se on nyt nykyinen versio ${version + 1}.` })
      .waitFor();
    await page.getByRole('heading', { level: 3, name: `Versio ${version + 1} (nykyinen)` }).waitFor();
    expect(await list.first().innerText()).toContain('Vanha otsikko takaisin.');
    // The newest two now differ by the title the other way round.
    await page.getByText(`Muutokset versiosta ${version} versioon ${version + 1}`).waitFor();
    expect(await suomi.getByRole('listitem').first().innerText()).toBe(`Lomakkeen otsikko: Ohjaus, neuvonta ja tuki → ${oldTitle}`);
    const after = (await (await api('GET', '/versions')).json()) as { current: number };
    expect(after.current).toBe(version + 1);
    // The draft still has the newer title: publishing it would change what the rollback brought back.
    const publish = page.getByRole('region', { name: 'Julkaise' });
    await publish.getByRole('heading', { level: 3, name: `Luonnos verrattuna nykyiseen versioon ${version + 1}` }).waitFor();
    await publish.getByText('1 kysymys muutettu, 1 teksti muutettu (suomi)').waitFor();
    await publish.getByText('Näytä muutokset').click();
    await publish.getByRole('heading', { level: 5, name: 'Muutetut kysymykset' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
