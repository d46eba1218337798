import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, parseBreachConfig } from '../../../functions/core/breach-config';
import { isGenuineSenderDomain } from '../../../functions/core/genuine-sender';
import { infoPages } from '../../../site/src/i18n/info-pages';
import { uiText } from '../../../site/src/i18n/ui-text';

/*
 * The site teaches the same rule as the mails (issue: it once said "anything after the @ but odido.nl is fake"
 * while the portal mailed from mail.odido.nl). Every rule sentence names an exact domain and the ".domain" ending,
 * and the real sender's domain is one the rule lets through.
 */

const shipped = parseBreachConfig(JSON.parse(readFileSync(join(__dirname, '../../../config/breach.json'), 'utf8')));
const [domain = ''] = shipped.genuineSenderDomains;
const senderDomain = shipped.sender.address.split('@')[1] ?? '';

describe.each(LOCALES)('the genuine-sender rule on the site (%s)', (locale) => {
  const pages = infoPages(locale, shipped);
  const ruleSentences = [
    pages.phishing.sections.flatMap((section) => section.list ?? []).find((line) => line.includes(' @ ')) ?? '',
    pages.faq.entries.find((entry) => entry.id === 'is-this-email-real')?.answer[0] ?? '',
    uiText(locale, shipped).checkSent.domainsLine,
  ];

  it.each(ruleSentences.map((sentence) => [sentence]))('phrases the rule so the real sender passes: %s', (sentence) => {
    expect(sentence).toContain(` ${domain}`);
    expect(sentence).toContain(`.${domain}`);
    expect(isGenuineSenderDomain(shipped.genuineSenderDomains, senderDomain)).toBe(true);
  });

  it('names the exact sender address and, when configured, the portal domain its links go to', () => {
    const withDomain = infoPages(locale, parseBreachConfig({ ...shipped, siteDomain: 'datalek.voorbeeld.example' }));
    const answer = withDomain.faq.entries.find((entry) => entry.id === 'is-this-email-real')?.answer[0] ?? '';
    expect(answer).toContain(shipped.sender.address);
    expect(answer).toContain('datalek.voorbeeld.example');
  });
});
