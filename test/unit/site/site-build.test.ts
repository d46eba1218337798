import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, parseBreachConfig } from '../../../functions/core/breach-config';
import { FIELDS } from '../../../functions/core/fields';
import { guidancePath, PAGES, pagePath } from '../../../site/src/i18n/site-routes';
import { type BuiltSite, buildSite, headingLevels, htmlFileFor, javaScriptBytes, scriptSources } from './built-site';

/*
 * Checks on the built site (the real `astro build`): every page in both locales, guidance without JavaScript, JS
 * budgets, nothing loaded from another origin, nothing inline that the CSP would block, basic accessibility markup.
 */

const CSP_TARGET =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const JS_BUDGET_BYTES = 30 * 1024;
const ISLAND_PAGES = ['home', 'result', 'assist'] as const;
const NO_SCRIPT_PAGES = ['phishing', 'faq', 'privacy', 'guidance'] as const;

const shipped = JSON.parse(readFileSync(join(__dirname, '../../../config/breach.json'), 'utf8'));
let site: BuiltSite;

beforeAll(() => {
  site = buildSite();
}, 120_000);

afterAll(() => site?.remove());

function page(path: string): string {
  const html = site.html.get(htmlFileFor(path));
  if (html === undefined) throw new Error(`no built page for ${path}`);
  return html;
}

const everyLocalePage = LOCALES.flatMap((locale) => [
  ...PAGES.map((id) => pagePath(locale, id)),
  ...FIELDS.map((field) => guidancePath(locale, field)),
]);

describe('the built site', () => {
  it.each(LOCALES.flatMap((locale) => PAGES.map((id) => [locale, id] as const)))(
    'has the %s %s page with its lang attribute',
    (locale, id) => {
      expect(page(pagePath(locale, id))).toContain(`<html lang="${locale}"`);
    },
  );

  it.each(LOCALES.flatMap((locale) => FIELDS.map((field) => [locale, field] as const)))(
    'has a %s guidance page for %s',
    (locale, field) => {
      const html = page(guidancePath(locale, field));
      expect(html).toContain(`<html lang="${locale}"`);
      // Steps are plain text, with phone numbers as tel: links.
      expect(html).toMatch(
        /<ol class="steps">(<li>([^<]|<a href="tel:[^"]+" class="tel">[^<]+<\/a>)+<\/li>){2,4}<\/ol>/,
      );
      expect(html).toMatch(/<a href="https:\/\/[^"]+" lang="nl">/);
    },
  );

  it('sends / to the default language without a script', () => {
    const root = page('/');
    expect(root).toContain('http-equiv="refresh"');
    expect(root).toContain(`url=/${shipped.defaultLanguage}/`);
    for (const locale of LOCALES) expect(root).toContain(`href="/${locale}/"`);
  });

  it('has no broken internal links', () => {
    for (const [file, html] of site.html) {
      for (const match of html.matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)[^"]*"/g)) {
        const target = match[1] as string;
        expect({ file, target, built: site.html.has(htmlFileFor(target)) }).toEqual({ file, target, built: true });
      }
    }
  });

  it.each(everyLocalePage)('links %s to the same page in the other language', (path) => {
    const other = path.replace(/^\/(nl|en)/, (_, locale) => (locale === 'nl' ? '/en' : '/nl'));
    expect(page(path)).toMatch(new RegExp(`class="language-switch" href="${other}"`));
  });
});

describe('JavaScript budgets', () => {
  it.each(LOCALES.flatMap((locale) => NO_SCRIPT_PAGES.map((id) => [locale, id] as const)))(
    'ships no script on the %s %s page',
    (locale, id) => {
      expect(scriptSources(page(pagePath(locale, id)))).toEqual([]);
    },
  );

  it.each(LOCALES.flatMap((locale) => FIELDS.map((field) => [locale, field] as const)))(
    'ships no script on the %s guidance page for %s',
    (locale, field) => {
      expect(page(guidancePath(locale, field))).not.toMatch(/<script/i);
    },
  );

  it.each(LOCALES.flatMap((locale) => ISLAND_PAGES.map((id) => [locale, id] as const)))(
    'keeps the %s %s page within 30 KB of JavaScript',
    (locale, id) => {
      const html = page(pagePath(locale, id));
      expect(scriptSources(html).length).toBeGreaterThan(0);
      const bytes = javaScriptBytes(site, html);
      // The entry script imports shared chunks (api client, local banner): those count towards the budget too.
      const entryBytes = scriptSources(html).reduce((sum, src) => sum + site.read(src ?? '').length, 0);
      expect(bytes).toBeGreaterThan(entryBytes);
      expect(bytes).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    },
  );

  it('tells people without JavaScript why the form and the result need it', () => {
    for (const locale of LOCALES) {
      for (const id of ISLAND_PAGES) expect(page(pagePath(locale, id))).toContain('<noscript>');
    }
  });
});

describe('content security', () => {
  const builtFiles = () => [...site.html.entries()];

  it('exports the CSP the CDN and the local stack send', () => {
    const headers = JSON.parse(readFileSync(join(__dirname, '../../../site/security-headers.json'), 'utf8'));
    expect(headers['Content-Security-Policy']).toBe(CSP_TARGET);
    expect(headers['Content-Security-Policy']).not.toContain('unsafe-inline');
  });

  it('has no inline scripts, event handler attributes, inline styles or style elements', () => {
    for (const [file, html] of builtFiles()) {
      expect({ file, inline: scriptSources(html).filter((src) => src === undefined).length }).toEqual({
        file,
        inline: 0,
      });
      expect({ file, handler: /\son[a-z]+=/i.test(html) }).toEqual({ file, handler: false });
      expect({ file, style: /\sstyle=|<style\b/i.test(html) }).toEqual({ file, style: false });
    }
  });

  it('loads scripts, styles, images and forms only from its own origin', () => {
    const resourceAttributes =
      /<(?:script|link|img|source|iframe|form|embed|object)\b[^>]*\s(?:src|href|srcset|action|data)="([^"]*)"/gi;
    for (const [file, html] of builtFiles()) {
      for (const match of html.matchAll(resourceAttributes)) {
        const url = match[1] ?? '';
        expect({ file, url, external: /^(?:[a-z]+:)?\/\//i.test(url) }).toEqual({ file, url, external: false });
      }
    }
  });

  it('refers to no other origin from its stylesheets and scripts', () => {
    const assets = readdirSync(join(site.dir, '_astro'));
    expect(assets.some((name) => name.endsWith('.css'))).toBe(true);
    for (const name of assets) {
      const text = readFileSync(join(site.dir, '_astro', name), 'utf8');
      expect({ name, external: /url\(\s*["']?(?:https?:)?\/\/|@import\s+["']?(?:https?:)?\/\//i.test(text) }).toEqual({
        name,
        external: false,
      });
      expect({ name, external: /fetch\(\s*["'`]https?:/i.test(text) }).toEqual({ name, external: false });
    }
  });
});

describe('accessibility markup', () => {
  it.each(everyLocalePage)('%s has a skip link, one h1 and headings in order', (path) => {
    const html = page(path);
    expect(html).toMatch(/<body><a class="skip-link" href="#main">/);
    expect(html).toContain('<main id="main"');
    const levels = headingLevels(html);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] as number) + 1);
    });
  });

  it.each(LOCALES.flatMap((locale) => ['home', 'assist'].map((id) => [locale, id] as const)))(
    'labels every control on the %s %s form',
    (locale, id) => {
      const html = page(pagePath(locale, id as 'home' | 'assist'));
      const controls = [...html.matchAll(/<(?:input|textarea|select)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(html).toContain(`<label for="${control}"`);
    },
  );
});

describe('the result page', () => {
  it.each(LOCALES)('(%s) renders every state and every field for the island to show', (locale) => {
    const html = page(pagePath(locale, 'result'));
    for (const state of ['loading', 'exposed', 'nothing', 'token_expired', 'token_used', 'token_unknown', 'network']) {
      expect(html).toContain(`data-state="${state}"`);
    }
    for (const field of FIELDS) {
      expect(html).toContain(`data-field="${field}"`);
      expect(html).toContain(`href="${guidancePath(locale, field)}#back-to-result"`);
    }
    expect(html.match(new RegExp(`href="${pagePath(locale, 'home')}#check"`, 'g'))?.length).toBeGreaterThanOrEqual(4);
  });
});

describe('a closed portal with another organisation', () => {
  let closed: BuiltSite;

  beforeAll(() => {
    closed = buildSite(
      parseBreachConfig({
        ...shipped,
        organisation: { name: 'Voorbeeld Energie', website: 'https://www.voorbeeld-energie.example' },
        title: { nl: 'Datalek Voorbeeld Energie', en: 'Voorbeeld Energie data breach' },
        summary: { nl: 'Er is iets gebeurd.', en: 'Something happened.' },
        sender: { address: 'check@voorbeeld-energie.example', name: 'Voorbeeld Energie', replyTo: 'unread' },
        genuineSenderDomains: ['voorbeeld-energie.example'],
        support: {
          nl: { phone: '0800 0000', url: 'https://www.voorbeeld-energie.example/', hours: 'ma–vr 9–17' },
          en: { phone: '+31 800 0000', url: 'https://www.voorbeeld-energie.example/', hours: 'Mon–Fri 9–17' },
        },
        discoveryDate: '2020-01-01',
        closingDate: '2020-06-01',
      }),
    );
  }, 120_000);

  afterAll(() => closed?.remove());

  it.each(LOCALES.flatMap((locale) => ['home', 'assist'].map((id) => [locale, id] as const)))(
    'shows the closing notice instead of the %s %s form',
    (locale, id) => {
      const html = closed.html.get(htmlFileFor(pagePath(locale, id as 'home' | 'assist'))) ?? '';
      expect(html).toContain('data-closing-notice');
      expect(html).not.toMatch(/data-closing-notice[^>]*hidden/);
      expect(html).not.toContain('<form');
    },
  );

  it('names only the configured organisation on every page', () => {
    for (const [file, html] of closed.html) {
      expect({ file, shipped: html.includes(shipped.organisation.name) }).toEqual({ file, shipped: false });
    }
    expect(closed.html.get('nl/index.html')).toContain('Voorbeeld Energie');
  });
});
