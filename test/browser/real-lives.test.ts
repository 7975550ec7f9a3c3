import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/src/entry/local-server.js';
import { fill, type Lang } from '../../schemas/src/index.js';
import { axeViolations, usePhonePage } from '../support/browser.js';
import { catalog } from '../support/test-app.js';

// The walk-through of issue 8 as browser journeys, on a 360 px phone in real Chromium (needs `npm run build`).

let server: LocalServer;
let page: Page;
usePhonePage((rig) => ({ server, page } = rig));

const form = (id: string) => catalog.forms.find((f) => f.id === id)!;
const field = (formId: string, lang: Lang, id: string) => form(formId).texts[lang]!.fields[id]!;
const common = (lang: Lang) => catalog.common[lang] as unknown as { form: Record<string, string>; confirmation: Record<string, string> };
const next = () => page.locator('form button[type="submit"]').click();

/** Width and height of a control as a finger meets it. */
async function size(locator: Locator): Promise<{ width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('control is not on screen');
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

async function expectTapTarget(locator: Locator): Promise<void> {
  const { width, height } = await size(locator);
  expect(width, 'tap target width').toBeGreaterThanOrEqual(44);
  expect(height, 'tap target height').toBeGreaterThanOrEqual(44);
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** The SMS messages in the local outbox once the notifier has run for the newest submission. */
async function smsOutbox(): Promise<{ to: string; text: string; reference: string }[]> {
  server.jobs.kick();
  await server.jobs.idle();
  const files = await readdir(server.smsOutboxDir).catch(() => [] as string[]);
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(server.smsOutboxDir, f), 'utf8')) as never));
}

describe('a Ukrainian mother of two in Orimattila enrols her children in hobbies', () => {
  it('adds two children, each with their own interests, removes and re-adds one, and sees them on the review', async () => {
    const children = field('hobby', 'uk', 'children');
    const add = page.getByRole('button', { name: children.add! });
    await page.goto(`${server.url}/uk/orimattila/hobby`);
    await page.getByRole('radio', { name: field('hobby', 'uk', 'hobbyFor').options!['both']! }).check();

    // One child to fill at once, numbered in Ukrainian, with real buttons named in Ukrainian.
    const items = page.locator('fieldset.repeat-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().locator('> legend').innerText()).toBe('Дитина 1');
    expect(await page.getByRole('button', { name: /^Видалити дитину/ }).count()).toBe(0);
    await expectTapTarget(add);
    expect(await page.getByRole('button', { name: 'Add' }).count()).toBe(0);

    await items
      .nth(0)
      .getByLabel(field('hobby', 'uk', 'childFirstName').label)
      .fill('Олена');
    await items
      .nth(0)
      .getByLabel(field('hobby', 'uk', 'childAge').label)
      .fill('7');
    await items
      .nth(0)
      .getByRole('checkbox', { name: field('hobby', 'uk', 'childInterests').options!['music']! })
      .check();

    await add.click();
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(1).locator('> legend').innerText()).toBe('Дитина 2');
    expect(await focusedId()).toBe('root_children_1_childFirstName');
    const removeSecond = page.getByRole('button', { name: 'Видалити дитину 2' });
    await expectTapTarget(removeSecond);
    expect(await axeViolations(page)).toEqual([]);

    await removeSecond.click();
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(children.add!);

    await add.click();
    await items
      .nth(1)
      .getByLabel(field('hobby', 'uk', 'childFirstName').label)
      .fill('Марко');
    await items
      .nth(1)
      .getByLabel(field('hobby', 'uk', 'childLatinName').label)
      .fill('Marko');
    await items
      .nth(1)
      .getByLabel(field('hobby', 'uk', 'childAge').label)
      .fill('12');
    await items
      .nth(1)
      .getByRole('checkbox', { name: field('hobby', 'uk', 'childInterests').options!['sports']! })
      .check();
    await next();

    await page.getByRole('checkbox', { name: field('hobby', 'uk', 'interests').options!['crafts']! }).check();
    await page.getByRole('radio', { name: field('hobby', 'uk', 'helpRegistering').options!['true']! }).check();
    await next();
    await page.getByLabel(field('hobby', 'uk', 'fullName').label).fill('Оксана Петренко');
    await page.getByRole('radio', { name: field('hobby', 'uk', 'contactWay').options!['phone']! }).check();
    await page.getByLabel(field('hobby', 'uk', 'phone').label).fill('040 123 4567');
    await next();
    await page.getByRole('checkbox', { name: field('hobby', 'uk', 'consent').label }).check();
    await next();

    const review = await page.locator('.review-step').first().innerText();
    expect(review).not.toContain('[object Object]');
    for (const text of ['Дитина 1', 'Олена', field('hobby', 'uk', 'childInterests').options!['music']!, 'Дитина 2', 'Марко', 'Marko'])
      expect(review).toContain(text);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: common('uk').form['send']! }).click();
    await page.locator('.reference [data-reference]').waitFor();
    // Orimattila sends no SMS and she gave no email: the page says plainly to keep the reference.
    expect(await page.locator('.keep-reference').innerText()).toBe(common('uk').confirmation['keepReference']);
    expect(await page.locator('.next-steps').innerText()).toBe(fill(form('hobby').texts.uk!.next, {}, 'uk'));
  });
});

describe('an Arabic-speaking man in Heinola', () => {
  it('types his birth year and phone in Arabic digits, chooses SMS, and gets one', async () => {
    await page.goto(`${server.url}/ar/heinola/guidance`);
    await page.getByRole('checkbox', { name: field('guidance', 'ar', 'topics').options!['work']! }).check();
    await next();
    await page.getByLabel(field('guidance', 'ar', 'fullName').label).fill('أحمد الخطيب');
    const year = page.getByLabel(field('guidance', 'ar', 'birthYear').label);
    expect(await year.getAttribute('type')).toBe('text');
    expect(await year.getAttribute('inputmode')).toBe('numeric');
    await year.fill('١٩٨٥');
    // The page is in Arabic, so Arabic is already chosen as his language.
    const language = page.getByLabel(field('guidance', 'ar', 'preferredLanguage').label);
    expect(await language.locator('option:checked').innerText()).toBe(field('guidance', 'ar', 'preferredLanguage').options!['ar']);
    await next();
    await page.getByRole('radio', { name: field('guidance', 'ar', 'contactWay').options!['sms']! }).check();
    await page.getByLabel(field('guidance', 'ar', 'phone').label).fill('٠٤٠ ١٢٣ ٤٥٦٧');
    await page.getByRole('radio', { name: field('guidance', 'ar', 'interpreterNeeded').options!['false']! }).check();
    await next();
    expect(await page.locator('.error-summary').count()).toBe(0);
    await page.getByRole('checkbox', { name: field('guidance', 'ar', 'consent').label }).check();
    await next();

    const review = await page.locator('main').innerText();
    expect(review).toContain('040 123 4567');
    expect(review).toContain('1985');
    await page.getByRole('button', { name: common('ar').form['send']! }).click();
    const reference = await page.locator('.reference [data-reference]').innerText();
    expect(await page.locator('[data-channel="sms"]').innerText()).toBe(common('ar').confirmation['sentSms']);

    const sms = (await smsOutbox()).filter((s) => s.reference === reference);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe('+358401234567');
    expect(sms[0]!.text).toContain(reference);
    expect(sms[0]!.text).toContain('+358 44 469 4372');
  });
});

describe('a date of birth as day, month and year', () => {
  async function openRegistration(lang: Lang): Promise<{ day: Locator; month: Locator; year: Locator }> {
    await page.goto(`${server.url}/${lang}/heinola/registration`);
    await page.getByLabel(field('registration', lang, 'fullName').label).fill('Test Person');
    const group = page.getByRole('group', { name: field('registration', lang, 'birthDate').label });
    const part = (name: string) => group.getByLabel(common(lang).form[name]!, { exact: true });
    return { day: part('day'), month: part('month'), year: part('year') };
  }
  const dateError = (lang: Lang) => field('registration', lang, 'birthDate').errors!['format']!;

  it('accepts Persian digits, and refuses a future date with the form’s own hint (fa)', async () => {
    const { day, month, year } = await openRegistration('fa');
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    for (const input of [day, month, year]) expect(await input.getAttribute('inputmode')).toBe('numeric');
    await day.fill('۱۲');
    await month.fill('۳');
    await year.fill('2030');
    await next();
    expect(await page.locator('.error-summary').innerText()).toContain(dateError('fa'));
    await year.fill('۱۹۸۵');
    await next();
    await page.locator('.progress').getByText(/۲/).waitFor();
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a Buddhist-era year (2528 for 1985) with a hint that names the Western year (th)', async () => {
    const { day, month, year } = await openRegistration('th');
    await day.fill('12');
    await month.fill('3');
    await year.fill('2528');
    await next();
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain(dateError('th'));
    expect(summary).toContain('ค.ศ.');
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Sends a form whose answers are already complete, as a resident does from the review page after a saved visit. */
async function sendFromReview(lang: Lang, municipality: string, formId: string, answers: Record<string, unknown>): Promise<void> {
  await page.goto(`${server.url}/${lang}`);
  const draft = { formVersion: form(formId).version, savedAt: Date.now(), answers, position: 'review' };
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: `koto:draft:${municipality}:${formId}`,
    value: JSON.stringify(draft),
  });
  await page.goto(`${server.url}/${lang}/${municipality}/${formId}`);
  await page.locator('.notice .actions .button').first().click();
  await page.getByRole('button', { name: common(lang).form['send']! }).click();
  await page.locator('.reference [data-reference]').waitFor();
}

describe('what happens next, per form and per town', () => {
  it('orientation in Heinola names Jyränkölän Setlementti, says it is free and how the start date is told, and suggests hobbies', async () => {
    await sendFromReview('fi', 'heinola', 'orientation', {
      instructionLanguage: 'fiSimple',
      integrationTraining: 'no',
      timePreference: ['morning'],
      childcareNeeded: false,
      fullName: 'Matti Meikäläinen',
      contactWay: 'email',
      email: 'matti@example.com',
      consent: true,
    });
    const next = await page.locator('.next-steps').innerText();
    expect(next).toContain('Jyränkölän Setlementti');
    expect(next).toContain('maksuton');
    expect(next).toContain('alkamispäivän');
    expect(await page.locator('[data-channel="email"]').count()).toBe(1);
    const suggested = page.locator('section[aria-labelledby="suggest-heading"] a');
    expect(await suggested.getAttribute('href')).toBe('/fi/heinola/hobby');
  });

  it('orientation in Orimattila names its Ukrainian-language groups, in Ukrainian', async () => {
    await sendFromReview('uk', 'orimattila', 'orientation', {
      instructionLanguage: 'uk',
      integrationTraining: 'waiting',
      timePreference: ['afternoon'],
      childcareNeeded: false,
      fullName: 'Оксана Петренко',
      contactWay: 'phone',
      phone: '040 123 4567',
      consent: true,
    });
    const orimattila = catalog.municipalities.find((m) => m.id === 'orimattila')!;
    expect(await page.locator('.next-steps').innerText()).toContain(orimattila.texts.uk!['orientationProvider']);
  });

  it('feedback thanks and promises no contact, and suggests nothing', async () => {
    await sendFromReview('en', 'heinola', 'feedback', {
      service: 'guidance',
      ratingOverall: 5,
      ratingAccess: 4,
      ratingHelp: 5,
      ratingWelcome: 5,
      consent: true,
    });
    const next = await page.locator('.next-steps').innerText();
    expect(next).toBe(form('feedback').texts.en!.next);
    expect(next).not.toMatch(/working days|contact/i);
    expect(await page.locator('#suggest-heading').count()).toBe(0);
  });
});

describe('registering for the service-need assessment', () => {
  it('a Tagalog speaker answers the assessment questions step by step, and the review shows them', async () => {
    const f = (id: string) => field('registration', 'tl', id);
    const steps = form('registration').uiSchema['ui:steps'] as { id: string }[];
    /** Ticks an option inside its own question: several questions share words such as "Yes, well". */
    const choose = (id: string, option: string, role: 'radio' | 'checkbox' = 'radio') =>
      page
        .getByRole('group', { name: f(id).label })
        .getByRole(role, { name: f(id).options![option]!, exact: true })
        .check();
    await page.goto(`${server.url}/tl/orimattila/registration`);
    await page.getByLabel(f('fullName').label).fill('Maria Santos');
    const birth = page.getByRole('group', { name: f('birthDate').label });
    await birth.getByLabel(common('tl').form['day']!, { exact: true }).fill('12');
    await birth.getByLabel(common('tl').form['month']!, { exact: true }).fill('3');
    await birth.getByLabel(common('tl').form['year']!, { exact: true }).fill('1990');
    await next();
    // The page's language is already chosen as hers.
    expect(await page.getByLabel(f('preferredLanguage').label).locator('option:checked').innerText()).toBe(
      f('preferredLanguage').options!['tl'],
    );
    await choose('interpreterNeeded', 'false');
    await next();
    await choose('finnishLevel', 'little');
    await choose('englishLevel', 'good');
    await choose('readsLatin', 'well');
    await next();
    await page.getByLabel(f('arrivalYear').label).fill('2024');
    await choose('homeMunicipality', 'yes');
    await choose('jobseekerRegistered', 'no');
    await next();
    await choose('integrationTraining', 'waiting');
    await choose('integrationPlan', 'notSure');
    await next();
    await page.getByLabel(f('schoolYears').label).fill('12');
    await choose('degree', 'university');
    await page.getByLabel(f('profession').label).fill('nurse');
    await choose('goals', 'work', 'checkbox');
    await next();
    await choose('spouse', 'abroad');
    await page.getByLabel(f('childrenUnder18').label).fill('2');
    await page.getByLabel(f('childrenAges').label).fill('4, 9');
    await choose('childcareNeeds', 'daycare', 'checkbox');
    await next();
    await choose('contactWay', 'email');
    await page.getByLabel(f('email').label).fill('maria@example.com');
    await next();
    await page.getByRole('checkbox', { name: f('consent').label }).check();
    await next();

    const review = await page.locator('main').innerText();
    expect(await page.locator('.review-step').count()).toBe(steps.length);
    for (const answer of [
      f('englishLevel').options!['good']!,
      f('integrationTraining').options!['waiting']!,
      f('degree').options!['university']!,
      'nurse',
      f('spouse').options!['abroad']!,
      '4, 9',
      f('childcareNeeds').options!['daycare']!,
    ]) {
      expect(review).toContain(answer);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: common('tl').form['send']! }).click();
    await page.locator('.reference [data-reference]').waitFor();
    expect(await page.locator('.next-steps').innerText()).toBe(form('registration').texts.tl!.next);
  });
});

describe('small things that cost trust', () => {
  it('the consent error is the form’s own message, in Tagalog', async () => {
    await page.goto(`${server.url}/tl/heinola/feedback`);
    const steps = form('feedback').uiSchema['ui:steps'] as unknown[];
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
      key: 'koto:draft:heinola:feedback',
      value: JSON.stringify({
        formVersion: form('feedback').version,
        savedAt: Date.now(),
        answers: { comment: 'Salamat' },
        position: steps.length - 1,
      }),
    });
    await page.reload();
    await page.locator('.notice .actions .button').first().click();
    await next();
    expect(await page.locator('.error-summary li').innerText()).toBe(field('feedback', 'tl', 'consent').errors!['const']);
  });

  it('shows the town in the header, presets the language, puts Back at the top, and says the real wait on 429 (fi)', async () => {
    await page.goto(`${server.url}/fi/heinola/guidance`);
    await expect.poll(() => page.locator('.site-header .brand').innerText()).toMatch(/^Koto-lomakkeet[\s·,]*Heinola$/);
    await page.getByRole('checkbox', { name: field('guidance', 'fi', 'topics').options!['work']! }).check();
    await next();
    // Back is a link at the top, before the page's heading.
    const back = page.locator('main > .back-link');
    expect(await back.innerText()).toBe(common('fi').form['back']);
    expect(await page.evaluate(() => document.querySelector('main')!.firstElementChild!.classList.contains('back-link'))).toBe(true);
    await expectTapTarget(back);
    expect(
      await page
        .getByLabel(field('guidance', 'fi', 'preferredLanguage').label)
        .locator('option:checked')
        .innerText(),
    ).toBe('suomi');
    await page.getByLabel(field('guidance', 'fi', 'fullName').label).fill('Matti Meikäläinen');
    await next();
    await page.getByRole('radio', { name: field('guidance', 'fi', 'contactWay').options!['visit']! }).check();
    await page.getByRole('radio', { name: field('guidance', 'fi', 'interpreterNeeded').options!['false']! }).check();
    await next();
    await page.getByRole('checkbox', { name: field('guidance', 'fi', 'consent').label }).check();
    await next();
    await page.route(`${server.url}/api/forms/guidance/submissions`, (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '120' },
        body: JSON.stringify({ error: 'rate_limited', message: 'Too many' }),
      }),
    );
    await page.getByRole('button', { name: common('fi').form['send']! }).click();
    expect(await page.locator('.notice--error').innerText()).toBe(fill(common('fi').form['busyWait_other']!, { count: 2 }, 'fi'));
  });

  it('keeps the error summary’s bullet on the first line of a message that wraps', async () => {
    await page.goto(`${server.url}/ar/heinola/registration`);
    await next();
    // A probe where the bullet sits (the item's first line box) must share the line of the message's first letter.
    const lines = await page.locator('.error-summary li').evaluateAll((items) =>
      items.map((li) => {
        const link = li.querySelector('a')!;
        const probe = li.insertBefore(document.createElement('span'), link);
        probe.textContent = '\u200b'; // no width, so the link stays on the same line
        const first = document.createRange();
        first.setStart(link.firstChild!, 0);
        first.setEnd(link.firstChild!, 1);
        const offset = Math.abs(probe.getBoundingClientRect().bottom - first.getBoundingClientRect().bottom);
        probe.remove();
        const all = document.createRange();
        all.selectNodeContents(link);
        return { offset, wraps: new Set([...all.getClientRects()].map((r) => Math.round(r.top))).size > 1 };
      }),
    );
    expect(
      lines.some((l) => l.wraps),
      'a message that wraps',
    ).toBe(true);
    for (const { offset } of lines) expect(offset).toBeLessThan(4);
  });

  it('breaks a long Finnish heading word at a syllable with a hyphen, not mid-syllable, at 320 px with 200 % text', async () => {
    await page.setViewportSize({ width: 320, height: 740 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.goto(`${server.url}/fi/heinola/registration`);
    await page.locator('main h1').waitFor();
    // Where a line ends inside a word, the character before the break must be a soft hyphen (shown as "-").
    const breaks = await page.locator('main h1').evaluate((h1) => {
      const text = h1.firstChild as Text;
      const found: { before: string; after: string }[] = [];
      // The lines the text up to character i spans (one rectangle per line); a new line starts where the count grows.
      const linesUpTo = (i: number) => {
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, i + 1);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      for (let i = 1, lines = linesUpTo(0); i < text.length; i++) {
        const now = linesUpTo(i);
        if (now > lines) found.push({ before: text.data[i - 1]!, after: text.data[i]! });
        lines = now;
      }
      return { found, text: text.data };
    });
    expect(breaks.text.replaceAll('\u00ad', '')).toBe(form('registration').texts.fi!.title);
    const inWord = breaks.found.filter((b) => !/\s/.test(b.before));
    expect(inWord.length, 'the long word needs breaking at this size').toBeGreaterThan(0);
    for (const b of inWord) expect(b.before, `break before "${b.after}"`).toBe('\u00ad');
    await cdp.detach();
  });
});
