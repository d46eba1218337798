import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoredEmail } from '../../functions/local/emulators/ses-emulator';
import { PROJECT_ROOT } from '../../functions/local/local-stack';
import { type BrowserSession, nowEpochSeconds, openBrowserSession, resultLinkIn } from './local-stack-session';

/*
 * `npm run screenshots`: every view a customer or an agent meets, in Dutch, on a laptop (1280 px) and a phone
 * (390 px), written to docs/screenshots/<view>-<device>.png; the README shows the phone ones. Same stack and browser
 * as the e2e tests: home, check-sent, result, a guidance page, the call-back form and its confirmation, both mails
 * as a mail client renders them, and the staff console's look-up, queue and audit.
 */

const OUT_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 }, isMobile: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 1, hasTouch: true },
} as const;
type Device = keyof typeof DEVICES;

async function shoot(target: Page | ReturnType<Page['locator']>, view: string, device: Device): Promise<void> {
  const path = join(OUT_DIR, `${view}-${device}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

async function customerViews(session: BrowserSession, context: BrowserContext, device: Device): Promise<void> {
  const page = await context.newPage();
  await page.goto('/nl/');
  await shoot(page, 'home', device);

  const since = nowEpochSeconds();
  await page.locator('#email').fill('demo.all@example.nl');
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
  await page.waitForURL('**/nl/check-sent');
  await shoot(page, 'check-sent', device);
  const hitMail = await session.latestMailTo('demo.all@example.nl', since);
  const link = resultLinkIn(hitMail);
  if (!link) throw new Error('The demo mail has no result link');
  await page.goto(link);
  await page.locator('[data-exposed-list] [data-field]').first().waitFor();
  await shoot(page, 'result', device);

  await page.locator('[data-exposed-list] [data-field="iban"] a').click();
  await page.waitForURL('**/nl/guidance/iban#back-to-result');
  await shoot(page, 'guidance', device);

  await page.goto('/nl/assist');
  await shoot(page, 'callback-form', device);
  await page.locator('#assist-name').fill('Jan Jansen');
  await page.locator('#assist-phone').fill('06 12345678');
  await page.locator('#assist-form button[type="submit"]:not([disabled])').click();
  await page.locator('[data-assist-thanks]').waitFor({ state: 'visible' });
  await shoot(page, 'callback-confirmation', device);

  const missSince = nowEpochSeconds();
  await page.goto('/nl/');
  await page.locator('#email').fill('niet.getroffen@example.nl');
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
  await page.waitForURL('**/nl/check-sent');
  await shootMail(page, hitMail, 'mail-hit', device);
  await shootMail(page, await session.latestMailTo('niet.getroffen@example.nl', missSince), 'mail-miss', device);
  await page.close();
}

/** The mail's HTML part as a mail client shows it: the page's width, no site around it. */
async function shootMail(page: Page, mail: StoredEmail, view: string, device: Device): Promise<void> {
  if (!mail.body.html) throw new Error(`The ${view} mail has no HTML part`);
  await page.setContent(mail.body.html);
  await shoot(page, view, device);
}

async function staffViews(context: BrowserContext, device: Device): Promise<void> {
  const page = await context.newPage();
  await page.goto('/staff/nl');
  await page.locator('#login-user').fill('supervisor.sam');
  await page.locator('#login-password').fill('demo-supervisor');
  await page.locator('#dev-login-form button[type="submit"]').click();
  await page.locator('#console').waitFor({ state: 'visible' });

  await page.locator('#lookup-type').selectOption('email');
  await page.locator('#lookup-value').fill('demo.all@example.nl');
  const reason = page.locator('#lookup-reason');
  // The reason is free text or, with a configured list, a choice.
  if ((await reason.evaluate((node) => node.tagName)) === 'SELECT') await reason.selectOption({ index: 1 });
  else await reason.fill('beller kan niet bij het e-mailadres');
  await page.locator('#lookup-ticket').fill('INC-123456');
  await page.locator('#lookup-form button[type="submit"]').click();
  await page.locator('#lookup-result li').first().waitFor();
  await shoot(page.locator('#lookup-section'), 'staff-lookup', device);

  await page.locator('#queue-rows tr').first().waitFor();
  await shoot(page.locator('#queue-section'), 'staff-queue', device);
  await page.locator('#audit-form button[type="submit"]').click();
  await page.locator('#audit-rows tr').first().waitFor();
  await shoot(page.locator('#audit-section'), 'staff-audit', device);
  await page.close();
}

async function takeScreenshots(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const session = await openBrowserSession();
  try {
    for (const device of Object.keys(DEVICES) as Device[]) {
      const context = await session.newContext({ ...DEVICES[device], locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      await customerViews(session, context, device);
      await staffViews(context, device);
      await context.close();
    }
  } finally {
    await session.close();
  }
  console.log(`Screenshots written to ${OUT_DIR}`);
}

await takeScreenshots();
