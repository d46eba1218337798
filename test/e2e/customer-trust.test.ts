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
    // "Do these first": one step for each of the riskiest fields, in the same order, above the full list.
    const firstSteps = page.locator('[data-first-steps] li');
    expect(await firstSteps.evaluateAll((items) => items.map((item) => item.getAttribute('data-field')))).toEqual(
      fields,
    );
    expect((await firstSteps.first().textContent())?.length).toBeGreaterThan(10);

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

describe.each(['nl', 'en'] as const)('the first screen and the call-back form (%s)', (locale) => {
  it.each([
    { device: 'laptop', viewport: { width: 1280, height: 800 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])(
    'shows the check form on the first screen of a $device, and "Check" in the menu lands on it',
    async ({ viewport }) => {
      const page = await (await session.newContext()).newPage();
      await page.setViewportSize(viewport);
      await page.goto(`/${locale}/faq`);
      await page.locator('.site-nav a').first().click();
      await page.waitForURL(`**/${locale}/#check`);
      await page.goto(`/${locale}/`);
      const submit = await page.locator('#check-form button[type="submit"]').boundingBox();
      expect(submit).not.toBeNull();
      expect((submit?.y ?? Infinity) + (submit?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    },
  );

  it('reports every wrong field at once, then confirms with a reference, a time frame and the calling number', async () => {
    const page = await (await session.newContext()).newPage();
    const { callback } = session.stack.config;
    await page.goto(`/${locale}/assist`);
    expect(await page.locator('#assist-customer-number-hint').textContent()).toContain(
      session.stack.config.customerNumberExample ?? '',
    );
    await page.locator('#assist-phone').fill('06 12');
    await page.locator('#assist-customer-number').fill('12AB');
    await page.locator('#assist-form button[type="submit"]:not([disabled])').click();
    for (const field of ['name', 'phone', 'customer-number']) {
      await page.locator(`#assist-${field}-error`).waitFor({ state: 'visible' });
    }
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(3);

    await page.locator('#assist-name').fill('Referentie Test');
    await page.locator('#assist-phone').fill('06 12345678');
    await page.locator('#assist-customer-number').fill('123 456 789');
    await page.locator('#assist-form button[type="submit"]:not([disabled])').click();
    const thanks = page.locator('[data-assist-thanks]');
    await thanks.waitFor({ state: 'visible' });
    expect(await page.locator('[data-assist-reference]').textContent()).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const text = (await thanks.textContent()) ?? '';
    expect(text).toContain(callback?.callerNumber ?? 'no caller number configured');
    expect(text).toContain(String(callback?.withinWorkingDays));
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.map((violation) => violation.id)).toEqual([]);
  });
});
