import AxeBuilder from '@axe-core/playwright';
import { FIELDS } from '../../functions/core/fields';
import { type BrowserSession, builtPagePaths, openBrowserSession } from './local-stack-session';

/*
 * Every page of the built site, served by the local stack with the CDN's headers: axe-core finds no WCAG 2.1 AA
 * violation in either language, every page exists in both languages, and the guidance pages (0 KB of JavaScript by
 * budget) work with JavaScript switched off.
 */

jest.setTimeout(120_000);

let session: BrowserSession;
let pages: string[];

// Field names as the guidance URLs spell them (site/src/i18n/site-routes.ts).
const GUIDANCE_SLUGS = FIELDS.map((field) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));

beforeAll(async () => {
  session = await openBrowserSession();
  pages = await builtPagePaths(session.stack.siteDir);
});

afterAll(async () => {
  await session?.close();
});

describe('the built site', () => {
  it('has every public page in both languages, and a guidance page per field', () => {
    const dutch = pages.filter((path) => path.startsWith('/nl/')).map((path) => path.slice(3));
    const english = pages.filter((path) => path.startsWith('/en/')).map((path) => path.slice(3));
    expect(dutch.length).toBeGreaterThanOrEqual(8 + FIELDS.length);
    expect(english).toEqual(dutch);
    for (const slug of GUIDANCE_SLUGS) expect(dutch).toContain(`/guidance/${slug}/`);
  });

  it('sends / to the default language', async () => {
    const page = await (await session.newContext()).newPage();
    const locale = session.stack.config.defaultLanguage;
    await page.goto('/');
    await page.waitForURL(`**/${locale}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  });

  it('has a language switch on every page that keeps the page', async () => {
    const context = await session.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of pages.filter((candidate) => /^\/(nl|en)\//.test(candidate))) {
      await page.goto(path);
      const other = path.startsWith('/nl/') ? 'en' : 'nl';
      const href = (await page.locator('a.language-switch').getAttribute('href')) ?? '';
      expect(`${path} → ${href.replace(/\/?$/, '/')}`).toBe(`${path} → /${other}/${path.slice(4)}`);
    }
  });

  it('reports no axe-core violations (WCAG 2.1 AA) on any page, in either language', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    // The 404 page as a visitor meets it: at a path that does not exist.
    // `/` is only an instant meta refresh to /nl/ (scanned in its own right): scanning it would race the refresh.
    const visited = pages
      .filter((path) => path !== '/')
      .map((path) => (path === '/404.html' ? '/nl/no-such-page' : path));
    for (const path of visited) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(path === '/nl/no-such-page' ? 404 : 200);
      // The local banner is filled in after load; scan the page as a person sees it.
      if ((await page.locator('#local-banner').count()) > 0) await page.locator('#local-banner a').waitFor();
      const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const violation of scan.violations) {
        violations.push(
          `${path}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
        );
      }
    }
    expect(violations).toEqual([]);
  });

  it('renders every guidance page fully with JavaScript disabled', async () => {
    const context = await session.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const guidancePages = pages.filter((path) => /^\/(nl|en)\/guidance\/[a-z-]+\/$/.test(path));
    expect(guidancePages).toHaveLength(2 * FIELDS.length);
    const scriptsLoaded: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scriptsLoaded.push(request.url());
    });

    for (const path of guidancePages) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const heading = (await page.locator('h1').textContent())?.trim() ?? '';
      expect(heading.length).toBeGreaterThan(2);
      // Steps and sources are in the HTML itself, not added by a script.
      expect(await page.locator('main li').count()).toBeGreaterThan(2);
      expect(await page.locator('main a[href^="http"]').count()).toBeGreaterThan(0);
      expect(await page.locator('html').getAttribute('lang')).toBe(path.slice(1, 3));
    }
    expect(scriptsLoaded).toEqual([]);
  });

  it('sends the CDN security headers with every page', async () => {
    const response = await fetch(`${session.stack.urls.portal}/nl/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
