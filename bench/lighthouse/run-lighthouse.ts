import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  nowEpochSeconds,
  openBrowserSession,
  resultLinkIn,
} from '../../test/e2e/local-stack-session';

/*
 * `npm run lighthouse`: Lighthouse 12 (pinned) on the local stack — the same build, headers and compression the CDN
 * serves — with its default mobile emulation (Moto G-class screen, simulated slow 4G and 4x CPU slowdown). Reports
 * performance, accessibility, best practices and CLS for home, a result, a guidance page and the staff console, and
 * exits non-zero when a page misses the targets (accessibility 100, performance ≥ 95, CLS < 0.1).
 */

const TARGETS = { performance: 95, accessibility: 100, cls: 0.1 };

interface PageScores {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  cls: number;
}

async function resultUrl(session: Awaited<ReturnType<typeof openBrowserSession>>): Promise<string> {
  const page = await (await session.newContext()).newPage();
  const since = nowEpochSeconds();
  await page.goto('/nl/');
  await page.locator('#email').fill('demo.all@example.nl');
  await page.locator('#check-form button[type="submit"]:not([disabled])').click();
  await page.waitForURL('**/nl/check-sent');
  const link = resultLinkIn(await session.latestMailTo('demo.all@example.nl', since));
  if (!link) throw new Error('The demo mail has no result link');
  await page.close();
  // Lighthouse loads the page itself; the token stays readable for the read window after its first use.
  return link;
}

async function audit(port: number, page: string, url: string): Promise<PageScores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${page}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  return {
    page,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    cls: Number(audits['cumulative-layout-shift']?.numericValue ?? Number.NaN),
  };
}

async function main(): Promise<void> {
  const session = await openBrowserSession();
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  const rows: PageScores[] = [];
  try {
    const base = session.stack.urls.portal;
    const pages: [string, string][] = [
      ['home', `${base}/nl/`],
      ['result', await resultUrl(session)],
      ['guidance', `${base}/nl/guidance/iban`],
      ['staff', `${base}/staff/nl`],
    ];
    for (const [page, url] of pages) rows.push(await audit(chrome.port, page, url));
  } finally {
    chrome.kill();
    await session.close();
  }

  console.log('Lighthouse 12.2.3, mobile emulation (default throttling), local stack');
  console.log('page      performance  accessibility  best practices  CLS');
  for (const row of rows) {
    console.log(
      `${row.page.padEnd(10)}${String(row.performance).padStart(11)}${String(row.accessibility).padStart(15)}${String(row.bestPractices).padStart(16)}  ${row.cls.toFixed(3)}`,
    );
  }
  const missed = rows.filter(
    (row) =>
      row.performance < TARGETS.performance || row.accessibility < TARGETS.accessibility || !(row.cls < TARGETS.cls),
  );
  if (missed.length > 0) {
    console.error(`Below target: ${missed.map((row) => row.page).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
