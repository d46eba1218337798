import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { type BrowserSession, nowEpochSeconds, openBrowserSession, resultLinkIn } from './local-stack-session';

/*
 * What makes the journey hold up for a worried customer, in a real browser on the local stack: the result survives
 * reading a guidance page, the check form is on the first screen, and a call-back request gets a confirmation that
 * says when and from which number the call comes.
 */

jest.setTimeout(60_000);

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

async function openResult(page: Page, locale: 'nl' | 'en', email: string): Promise<void> {
  const since = nowEpochSeconds();
  await page.goto(`/${locale}/`);
  await page.locator('#email').fill(email);
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
  await page.waitForURL(`**/${locale}/check-sent`);
  const link = resultLinkIn(await session.latestMailTo(email, since));
  if (!link) throw new Error(`The mail to ${email} has no result link`);
  await page.goto(link);
  await page.locator('[data-state="exposed"]').waitFor();
}

const shownFields = (page: Page) =>
  page
    .locator('[data-state="exposed"]:visible [data-exposed-list] [data-field]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));

describe.each(['nl', 'en'] as const)('the result page (%s)', (locale) => {
  it('still shows the result after reading a guidance page, by the back button or the link back', async () => {
    const page = await (await session.newContext()).newPage();
    await openResult(page, locale, 'demo.few@example.nl');
    const fields = await shownFields(page);
    expect(fields).toEqual(['email', 'fullName', 'customerNumber']);

    await page.locator('[data-field="fullName"] a').click();
    await page.waitForURL(`**/${locale}/guidance/full-name#back-to-result`);
    const back = page.locator('#back-to-result a');
    expect(await back.isVisible()).toBe(true);

    await page.goBack();
    await page.locator('[data-state="exposed"]').waitFor();
    expect(await shownFields(page)).toEqual(fields);

    await page.locator('[data-field="email"] a').click();
    await back.click();
    await page.waitForURL(`**/${locale}/result`);
    await page.locator('[data-state="exposed"]').waitFor();
    expect(await shownFields(page)).toEqual(fields);
    expect(await page.locator('[data-matched-records]').textContent()).toMatch(
      locale === 'nl' ? /één klantrecord/ : /one customer record/,
    );
  });

  it('shows no link back on a guidance page opened any other way, and no result in a new tab', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    await openResult(page, locale, 'demo.few@example.nl');

    await page.goto(`/${locale}/guidance/iban`);
    expect(await page.locator('#back-to-result').isVisible()).toBe(false);
    // sessionStorage belongs to the tab: another tab of the same browser is told to use the mail's link.
    const other = await context.newPage();
    await other.goto(`/${locale}/result`);
    await other.locator('[data-state="no_token"]').waitFor();
  });

  it('forgets the result when its read window has passed', async () => {
    const page = await (await session.newContext()).newPage();
    await openResult(page, locale, 'demo.few@example.nl');
    await page.evaluate(() => {
      const key = 'breach-portal.result';
      const kept = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...kept, until: Date.now() - 1 }));
    });
    await page.goto(`/${locale}/result`);
    await page.locator('[data-state="no_token"]').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.map((violation) => violation.id)).toEqual([]);
  });
});
