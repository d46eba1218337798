import { ScanCommand } from '@aws-sdk/client-dynamodb';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { localTableNames } from '../../contract/tables';
import { createEmulatorClients } from '../../functions/local/emulators/dynamodb-emulator';
import { clearSesStore } from '../../functions/local/emulators/ses-emulator';
import { type BrowserSession, nowEpochSeconds, openBrowserSession, resultLinkIn } from './local-stack-session';

/*
 * The customer's whole journey in a real browser on the local stack (the same one `npm start` runs): type the
 * address, land on "check sent", read the mail in the SES emulator, follow the link, see the exposed fields, open a
 * guidance page; and the ways it can go wrong. Both languages.
 */

jest.setTimeout(60_000);

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(() => {
  session.clock.offsetMs = 0;
});

async function submitCheck(page: Page, locale: 'nl' | 'en', email: string): Promise<void> {
  await page.goto(`/${locale}/`);
  await page.locator('#email').fill(email);
  // The submit button is enabled by the island: clicking it before then would do nothing.
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
}

async function requestResultLink(page: Page, locale: 'nl' | 'en', email: string): Promise<string> {
  const since = nowEpochSeconds();
  await submitCheck(page, locale, email);
  await page.waitForURL(`**/${locale}/check-sent`);
  const link = resultLinkIn(await session.latestMailTo(email, since));
  if (!link) throw new Error(`The mail to ${email} has no result link`);
  return link;
}

async function exposedFields(page: Page): Promise<string[]> {
  const list = page.locator('[data-state="exposed"] [data-exposed-list] [data-field]');
  await list.first().waitFor();
  return list.evaluateAll((items) => items.map((item) => item.getAttribute('data-field') ?? ''));
}

describe.each(['nl', 'en'] as const)('customer journey (%s)', (locale) => {
  it('sends the result link by mail, shows every exposed field and leads to guidance', async () => {
    const page = await (await session.newContext()).newPage();
    const link = await requestResultLink(page, locale, 'demo.all@example.nl');

    expect(link.startsWith(`${session.stack.urls.portal}/${locale}/result#t=`)).toBe(true);
    // The check-sent page points a local visitor to the inbox where that mail is.
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('#local-banner a').getAttribute('href')).toBe(session.stack.urls.inbox);
    await page.goto(link);
    const fields = await exposedFields(page);
    expect(fields).toHaveLength(9);
    expect(fields).toEqual(expect.arrayContaining(['fullName', 'iban', 'idDocumentNumber', 'customerNumber']));
    // The token leaves the address bar as soon as the page has read it.
    expect(page.url()).not.toContain('#t=');
    const resultScan = await new AxeBuilder({ page }).analyze();
    expect(resultScan.violations.map((violation) => violation.id)).toEqual([]);

    await page.locator('[data-state="exposed"] [data-field="iban"] a').click();
    await page.waitForURL(`**/${locale}/guidance/iban#back-to-result`);
    expect(await page.locator('h1').textContent()).toContain('IBAN');
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  });

  it('shows only the fields of a record with few fields, and the union for a shared address', async () => {
    const page = await (await session.newContext()).newPage();
    await page.goto(await requestResultLink(page, locale, 'demo.few@example.nl'));
    expect(await exposedFields(page)).toEqual(['email', 'fullName', 'customerNumber']);

    await page.goto(await requestResultLink(page, locale, 'demo.family@example.nl'));
    const union = await exposedFields(page);
    expect(union).toEqual(expect.arrayContaining(['address', 'phone', 'iban', 'dateOfBirth', 'fullName', 'email']));
    expect(union).not.toContain('idDocumentNumber');
    const count = page.locator('[data-matched-records]');
    await expect(count.isVisible()).resolves.toBe(true);
    expect(await count.textContent()).toContain('2');
  });

  it('mails a no-record message, without a result link, to an address not in the breach', async () => {
    const page = await (await session.newContext()).newPage();
    const since = nowEpochSeconds();
    await submitCheck(page, locale, 'not.affected@example.nl');
    await page.waitForURL(`**/${locale}/check-sent`);

    const mail = await session.latestMailTo('not.affected@example.nl', since);
    expect(resultLinkIn(mail)).toBeUndefined();
    expect(mail.body.text).toContain(session.stack.config.support[locale].phone);
  });

  it('shows an invalid address at the field and stays on the form', async () => {
    const page = await (await session.newContext()).newPage();
    await submitCheck(page, locale, 'not-an-address@');

    const error = page.locator('#email-error');
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())?.trim().length).toBeGreaterThan(5);
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe(`/${locale}/`);
  });

  it('explains an expired link and offers to check again', async () => {
    const page = await (await session.newContext()).newPage();
    const link = await requestResultLink(page, locale, 'demo.few@example.nl');
    session.clock.offsetMs = 25 * 60 * 60 * 1000;

    await page.goto(link);
    await expectTokenErrorState(page, 'token_expired', locale);
  });

  it('explains a used link once its reading window has passed', async () => {
    const page = await (await session.newContext()).newPage();
    const link = await requestResultLink(page, locale, 'demo.few@example.nl');
    await page.goto(link);
    await exposedFields(page);
    session.clock.offsetMs = 31 * 60 * 1000;

    await page.goto(`/${locale}/`);
    await page.goto(link);
    await expectTokenErrorState(page, 'token_used', locale);
  });

  it('takes a call-back request through the assist form, encrypted, into the staff queue', async () => {
    const page = await (await session.newContext()).newPage();
    const caller = `Terugbel Test ${locale.toUpperCase()}`;
    await page.goto(`/${locale}/assist`);
    await page.locator('#assist-name').fill(caller);
    await page.locator('#assist-phone').fill('06 12121212');
    await page.locator('#assist-form button[type="submit"]:not([disabled])').click();
    await page.locator('[data-assist-thanks]').waitFor({ state: 'visible' });

    const login = await page.request.post('/api/v1/local/staff-login', {
      data: { user: 'agent.anna', password: 'demo-agent' },
    });
    const { token } = (await login.json()) as { token: string };
    const queue = await page.request.get('/api/v1/staff/assist-requests?status=open', {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await queue.json()) as { items: { locale: string; details: Record<string, string> }[] };
    const request = items.find((item) => item.details.name === caller);
    expect(request?.locale).toBe(locale);
    expect(request?.details.phone).toContain('12121212');

    // Staff read it through the SecretBox; the table itself holds only the sealed form.
    const { client } = createEmulatorClients(session.stack.urls.dynamoDb);
    const stored = await client.send(new ScanCommand({ TableName: localTableNames().assistRequests }));
    client.destroy();
    expect(stored.Items?.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.Items)).not.toContain(caller);
    expect(JSON.stringify(stored.Items)).not.toContain('12121212');
  });

  it('explains an unknown link', async () => {
    const page = await (await session.newContext()).newPage();
    await page.goto(`/${locale}/result#t=${'A'.repeat(43)}`);
    await expectTokenErrorState(page, 'token_unknown', locale);
  });
});

async function expectTokenErrorState(page: Page, state: string, locale: 'nl' | 'en'): Promise<void> {
  const section = page.locator(`[data-state="${state}"]`);
  await section.waitFor({ state: 'visible' });
  const checkAgain = section.locator('a.button');
  expect(new URL((await checkAgain.getAttribute('href')) ?? '', session.stack.urls.portal).pathname).toMatch(
    new RegExp(`^/${locale}/?`),
  );
  await checkAgain.click();
  await page.locator('#email').waitFor();
}

describe('the local inbox', () => {
  it('lets a person click the link in the mail and see the result in a new tab', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    // One mail in the inbox, so the one HTML view on the page is this one.
    await clearSesStore(session.stack.urls.ses);
    await requestResultLink(page, 'nl', 'demo.all@example.nl');

    await page.goto(session.stack.urls.inbox);
    await page.getByText('Toggle HTML view').click();
    // The emulator shows the mail's HTML in an iframe; the portal refuses to be framed, so the link must open a tab.
    const mailFrame = page.frames().find((frame) => frame !== page.mainFrame());
    if (!mailFrame) throw new Error('The inbox shows no HTML mail');
    const [resultTab] = await Promise.all([
      context.waitForEvent('page'),
      mailFrame.locator('a[href*="/nl/result#t="]').first().click(),
    ]);
    expect(await exposedFields(resultTab)).toHaveLength(9);
  });
});
