import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BreachConfig, LOCALES, parseBreachConfig } from '../../../functions/core/breach-config';
import {
  assistFormLink,
  guidancePath as coreGuidancePath,
  resultLink,
} from '../../../functions/core/check/result-token';
import { FIELDS } from '../../../functions/core/fields';
import { fieldGuidance } from '../../../site/src/i18n/field-guidance';
import { REPORT_ROUTE_IDS, SOURCE_IDS, SOURCES } from '../../../site/src/i18n/guidance-sources';
import { FAQ_IDS, infoPages } from '../../../site/src/i18n/info-pages';
import { FIELD_SLUGS, fieldForSlug, guidancePath, pagePath } from '../../../site/src/i18n/site-routes';
import { uiText } from '../../../site/src/i18n/ui-text';

/*
 * Content checks on the site's data (no build): every field has complete guidance in every locale, sources are real
 * links, both locales say the same things, and nothing names an organisation except through the config.
 */

const shipped = parseBreachConfig(JSON.parse(readFileSync(join(__dirname, '../../../config/breach.json'), 'utf8')));

/** The shipped config with another organisation, to catch any name hard-coded in the content. */
const otherBreach: BreachConfig = parseBreachConfig({
  ...structuredClone(shipped),
  organisation: { name: 'Voorbeeld Energie', website: 'https://www.voorbeeld-energie.example' },
  sender: { address: 'check@mail.voorbeeld-energie.example', name: 'Voorbeeld Energie check', replyTo: 'unread' },
  genuineSenderDomains: ['voorbeeld-energie.example'],
  title: { nl: 'Datalek Voorbeeld Energie', en: 'Voorbeeld Energie data breach' },
  summary: { nl: 'Er is iets gebeurd.', en: 'Something happened.' },
  support: {
    nl: { phone: '0800 0000', url: 'https://www.voorbeeld-energie.example/datalek', hours: 'ma–vr 9–17' },
    en: { phone: '+31 800 0000', url: 'https://www.voorbeeld-energie.example/breach', hours: 'Mon–Fri 9–17' },
  },
  callback: { callerNumber: '0800 0000', withinWorkingDays: 3 },
});

/** Every string inside a value, for "does the content mention X" checks. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

/** The shape of a value (keys and array lengths), to compare the locales with each other. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return typeof value;
}

describe.each(LOCALES)('guidance content (%s)', (locale) => {
  const guidance = fieldGuidance(locale, shipped);

  it('has guidance for every field', () => {
    expect(Object.keys(guidance).sort()).toEqual([...FIELDS].sort());
  });

  it.each(FIELDS)('gives %s a title, a one-line risk, 2–4 steps, a time, where to report and a source', (field) => {
    const page = guidance[field];
    expect(page.title.length).toBeGreaterThan(5);
    expect(page.riskSummary.length).toBeGreaterThan(10);
    expect(page.riskSummary).not.toContain('\n');
    expect(page.whyItMatters.length).toBeGreaterThan(0);
    expect(page.criminalUses.length).toBeGreaterThan(0);
    expect(page.steps.length).toBeGreaterThanOrEqual(2);
    expect(page.steps.length).toBeLessThanOrEqual(4);
    expect(page.estimatedTime.length).toBeGreaterThan(3);
    expect(page.reportTo.length).toBeGreaterThan(0);
    for (const route of page.reportTo) expect(REPORT_ROUTE_IDS).toContain(route);
    expect(page.sources.length).toBeGreaterThan(0);
    for (const source of page.sources) expect(SOURCE_IDS).toContain(source);
  });

  it('mentions the fraud kinds a breach brings: phishing, smishing, spoofing, SIM swap, direct debit, identity fraud', () => {
    const text = allStrings(guidance).join(' ').toLowerCase();
    const expected =
      locale === 'nl'
        ? ['phishing', 'smishing', 'spoofing', 'simswap', 'incasso', 'identiteitsfraude']
        : ['phishing', 'smishing', 'spoofed', 'sim swap', 'direct debit', 'identity fraud'];
    for (const word of expected) expect(text).toContain(word);
  });
});

describe('guidance sources', () => {
  it('links every source over https with a title in both locales', () => {
    for (const id of SOURCE_IDS) {
      expect(new URL(SOURCES[id].url).protocol).toBe('https:');
      for (const locale of LOCALES) expect(SOURCES[id].title[locale].length).toBeGreaterThan(3);
    }
  });

  it('uses every listed source on at least one guidance page', () => {
    const used = new Set(FIELDS.flatMap((field) => fieldGuidance('nl', shipped)[field].sources));
    expect([...used].sort()).toEqual([...SOURCE_IDS].sort());
  });

  it('states the direct-debit windows the sources give (8 weeks, 13 months)', () => {
    const iban = allStrings(fieldGuidance('en', shipped).iban.steps).join(' ');
    expect(iban).toContain('8 weeks');
    expect(iban).toContain('13 months');
    expect(fieldGuidance('en', shipped).iban.sources).toContain('consumentenbondDirectDebit');
  });
});

describe('locales', () => {
  it('give the UI text the same shape in every locale', () => {
    expect(shapeOf(uiText('en', shipped))).toEqual(shapeOf(uiText('nl', shipped)));
  });

  it('give the information pages the same shape and FAQ anchors in every locale', () => {
    expect(shapeOf(infoPages('en', shipped))).toEqual(shapeOf(infoPages('nl', shipped)));
    for (const locale of LOCALES) {
      expect(infoPages(locale, shipped).faq.entries.map((entry) => entry.id)).toEqual([...FAQ_IDS]);
    }
  });

  it('give the guidance the same shape in every locale', () => {
    expect(shapeOf(fieldGuidance('en', shipped))).toEqual(shapeOf(fieldGuidance('nl', shipped)));
  });
});

describe('breach-specific content comes only from the config', () => {
  it.each(LOCALES)('names no organisation, sender or contact but the configured ones (%s)', (locale) => {
    const text = [uiText(locale, otherBreach), infoPages(locale, otherBreach), fieldGuidance(locale, otherBreach)]
      .flatMap(allStrings)
      .join('\n');
    for (const shippedValue of [
      shipped.organisation.name,
      shipped.sender.address,
      ...shipped.genuineSenderDomains,
      shipped.support[locale].phone,
    ]) {
      expect(text).not.toContain(shippedValue);
    }
    expect(text).toContain('Voorbeeld Energie');
    expect(text).toContain('voorbeeld-energie.example');
  });

  it('shows the configured retention in the privacy statement', () => {
    const privacy = allStrings(infoPages('en', shipped).privacy).join(' ');
    expect(privacy).toContain(`${shipped.retention.assistRequestDays} days`);
    expect(privacy).toMatch(/cookies/i);
    expect(privacy).toMatch(/analytics/i);
  });
});

describe('guidance slugs', () => {
  it('are kebab-case and map back to their field', () => {
    for (const field of FIELDS) {
      expect(FIELD_SLUGS[field]).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(fieldForSlug(FIELD_SLUGS[field])).toBe(field);
    }
    expect(FIELD_SLUGS.dateOfBirth).toBe('date-of-birth');
    expect(FIELD_SLUGS.idDocumentValidity).toBe('id-document-validity');
  });
});

describe('paths the backend links to', () => {
  it.each(LOCALES)('(%s) match the pages the site builds: guidance, result, assist', (locale) => {
    for (const field of FIELDS) expect(coreGuidancePath(locale, field)).toBe(guidancePath(locale, field));
    expect(resultLink('https://portal.example', locale, 'abc')).toBe(
      `https://portal.example${pagePath(locale, 'result')}#t=abc`,
    );
    expect(assistFormLink('https://portal.example', locale)).toBe(
      `https://portal.example${pagePath(locale, 'assist')}`,
    );
  });
});
