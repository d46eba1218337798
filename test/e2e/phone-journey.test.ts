import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readSmsStore } from '../../functions/local/emulators/sms-emulator';
import { type BrowserSession, openBrowserSession } from './local-stack-session';

/*
 * The check by mobile number in a real browser on the local stack (issue 14): choose "by text message", type the
 * demo number, land on the SMS "check sent" page, read the text in the SMS outbox emulator, follow its link, see the
 * result. Both languages; the not-affected demo number gets a text without a link; a landline is refused on the form.
 * And an agent sends a caller the result link by SMS from the staff console (its audit record: test/integration/staff).
 */

// Browser steps under a full parallel `npm test` on 2 cores can take several seconds each.
jest.setTimeout(90_000);

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

async function submitPhoneCheck(page: Page, locale: 'nl' | 'en', phone: string): Promise<void> {
  await page.goto(`/${locale}/`);
  await page.locator('#check-form button[type="submit"]:not([disabled])').waitFor();
  expect(await page.locator('#phone').isVisible()).toBe(false);
  await page.locator('label[for="channel-sms"]').click();
  expect(await page.locator('#email').isVisible()).toBe(false);
  await page.locator('#phone').fill(phone);
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
}

async function latestTextTo(e164: string, since: number): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const texts = (await readSmsStore(session.stack.urls.sms)).filter(
      (text) => text.destinationPhoneNumber === e164 && text.at >= since,
    );
    const latest = texts[texts.length - 1];
    if (latest) return latest.messageBody;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no text arrived');
}

describe.each(['nl', 'en'] as const)('phone journey (%s)', (locale) => {
  it('texts the result link to an affected number and the link shows the result, matched by phone', async () => {
    const page = await (await session.newContext()).newPage();
    const since = Date.now();
    await submitPhoneCheck(page, locale, locale === 'nl' ? '06 87654321' : '+31 6 8765 4321');
    await page.waitForURL(`**/${locale}/check-sent-sms`);
    expect(await page.locator('h1').textContent()).toBe(locale === 'nl' ? 'Kijk op je telefoon' : 'Check your phone');
    expect(await page.locator('#local-banner a').getAttribute('href')).toBe(session.stack.urls.smsInbox);
    const sentScan = await new AxeBuilder({ page }).analyze();
    expect(sentScan.violations.map((violation) => violation.id)).toEqual([]);

    const text = await latestTextTo('+31687654321', since);
    const link = text.match(/http:\/\/\S+\/(?:nl|en)\/result#t=[A-Za-z0-9_-]{43}/)?.[0];
    expect(link?.startsWith(`${session.stack.urls.portal}/${locale}/result#t=`)).toBe(true);
    await page.goto(link ?? '');
    const list = page.locator('[data-state="exposed"] [data-exposed-list] [data-field]');
    await list.first().waitFor();
    expect(await list.evaluateAll((items) => items.map((item) => item.getAttribute('data-field')))).toEqual([
      'phone',
      'dateOfBirth',
      'address',
      'fullName',
      'customerNumber',
    ]);
    expect(await page.locator('[data-matched-records]').textContent()).toContain(
      locale === 'nl' ? 'mobiele nummer' : 'mobile number',
    );
  });

  it('texts a number not in the breach the support route without a link', async () => {
    const page = await (await session.newContext()).newPage();
    const since = Date.now();
    await submitPhoneCheck(page, locale, '06 11111111');
    await page.waitForURL(`**/${locale}/check-sent-sms`);
    const text = await latestTextTo('+31611111111', since);
    expect(text).toContain(session.stack.config.support[locale].phone);
    expect(text).not.toContain('#t=');
  });

  it('refuses a landline on the form with a message in the page language, and axe finds nothing', async () => {
    const page = await (await session.newContext()).newPage();
    await submitPhoneCheck(page, locale, '020 123 4567');
    const error = page.locator('#phone-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(locale === 'nl' ? 'Nederlands mobiel nummer' : 'Dutch mobile number');
    expect(page.url()).toMatch(new RegExp(`/${locale}/$`));
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('staff console', () => {
  it('texts the caller the result link to the number on record, and refuses a landline', async () => {
    const page = await (await session.newContext()).newPage();
    await page.goto('/staff/nl');
    await page.locator('#dev-login-form input[name="user"]').fill('agent.anna');
    await page.locator('#dev-login-form input[name="password"]').fill('demo-agent');
    await page.locator('#dev-login-form button[type="submit"]').click();
    await page.locator('#console').waitFor({ state: 'visible' });

    const since = Date.now();
    await page.locator('#sms-phone').fill('06 87654321');
    await page.locator('#sms-reason').selectOption('no_access_to_email');
    await page.locator('#sms-ticket').fill('INC-777001');
    await page.locator('#sms-form button[type="submit"]').click();
    await page.locator('#sms-status', { hasText: 'Gedaan' }).waitFor();

    let text: string | undefined;
    for (let attempt = 0; attempt < 100 && !text; attempt += 1) {
      const texts = await readSmsStore(session.stack.urls.sms);
      text = texts.find(
        (message) => message.destinationPhoneNumber === '+31687654321' && message.at >= since,
      )?.messageBody;
      if (!text) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text).toMatch(new RegExp(`^${session.stack.config.organisation.name}: je nummer staat in het datalek`));
    expect(text).toContain(`${session.stack.urls.portal}/nl/result#t=`);

    await page.locator('#sms-phone').fill('020 123 4567');
    await page.locator('#sms-form button[type="submit"]').click();
    await page.locator('#sms-status', { hasText: 'Nederlandse mobiele nummers' }).waitFor();
  });
});
