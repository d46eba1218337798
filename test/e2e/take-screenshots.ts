import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../functions/local/local-stack';
import { nowEpochSeconds, openBrowserSession, resultLinkIn } from './local-stack-session';

/*
 * `npm run screenshots`: the Dutch home, result and one guidance page as a person sees them on the local stack,
 * written to docs/screenshots/ for the README. Same stack and browser as the e2e tests.
 */

const OUT_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1200, height: 900 };

async function takeScreenshots(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const session = await openBrowserSession();
  try {
    const context = await session.browser.newContext({ baseURL: session.stack.urls.portal, viewport: VIEWPORT });
    const page = await context.newPage();

    await page.goto('/nl/');
    await page.locator('#local-banner a').waitFor();
    await page.screenshot({ path: join(OUT_DIR, 'home-nl.png'), fullPage: true });

    const since = nowEpochSeconds();
    await page.locator('#email').fill('demo.all@example.nl');
    await page.locator('#check-form button[type="submit"]:not([disabled])').click();
    await page.waitForURL('**/nl/check-sent');
    const link = resultLinkIn(await session.latestMailTo('demo.all@example.nl', since));
    if (!link) throw new Error('The demo mail has no result link');
    await page.goto(link);
    await page.locator('[data-exposed-list] [data-field]').first().waitFor();
    await page.screenshot({ path: join(OUT_DIR, 'result-nl.png'), fullPage: true });

    await page.locator('[data-exposed-list] [data-field="iban"] a').click();
    await page.waitForURL('**/nl/guidance/iban');
    await page.screenshot({ path: join(OUT_DIR, 'guidance-nl.png'), fullPage: true });
    await context.close();
  } finally {
    await session.close();
  }
  console.log(`Screenshots written to ${OUT_DIR}`);
}

await takeScreenshots();
