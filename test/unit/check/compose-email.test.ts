import { parseBreachConfig } from '../../../functions/core/breach-config';
import { deliverEmailJob } from '../../../functions/core/check/deliver-email-job';
import { composeEmail, formatSender } from '../../../functions/core/email/compose-email';
import { isGenuineSenderAddress } from '../../../functions/core/genuine-sender';
import type { EmailJob, EmailMessage } from '../../../functions/core/ports';
import { StaffCallAudit } from '../../../functions/core/staff/audit-trail';
import { resendConfirmation } from '../../../functions/core/staff/resend-confirmation';
import { config, createCheckFixture, exposureFor, TEST_ORIGIN } from './check-fixture';

/* The two mails as a recipient reads them: what they say, who they are from, where replies and links go. */

const TOKEN = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF123';
const LOCALES = ['nl', 'en'] as const;
const PORTAL = 'https://datalek.voorbeeld.example';

const hit = (locale: 'nl' | 'en', recordCount = 2): EmailJob => ({
  kind: 'affected',
  to: 'a@example.nl',
  locale,
  token: TOKEN,
  recordCount,
});
const miss = (locale: 'nl' | 'en'): EmailJob => ({ kind: 'not_found', to: 'a@example.nl', locale });
const compose = (job: EmailJob, origin = TEST_ORIGIN) => composeEmail(job, { config, origin });
const allMails = LOCALES.flatMap((locale) => [
  [`${locale} hit`, compose(hit(locale), PORTAL)] as const,
  [`${locale} miss`, compose(miss(locale), PORTAL)] as const,
]);

describe('composeEmail', () => {
  it.each(LOCALES)('puts the result link in the %s hit mail as a button and as plain text', (locale) => {
    const mail = compose(hit(locale));
    const link = `${TEST_ORIGIN}/${locale}/result#t=${TOKEN}`;
    expect(mail.to).toBe('a@example.nl');
    expect(mail.text.replace(/\n/g, '')).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html.match(new RegExp(`>${link}</a>`, 'g'))).toHaveLength(1);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.text).toContain(config.title[locale]);
    expect(mail.text).toMatch(locale === 'nl' ? /nooit.*wachtwoord, IBAN/ : /never asks for your password, IBAN/);
  });

  it.each(LOCALES)('tells the %s hit recipient they are in the breach, not to ignore the mail', (locale) => {
    const mail = compose(hit(locale, 1));
    expect(mail.text).toMatch(
      locale === 'nl'
        ? /Dat is zo: je e-mailadres staat in één klantrecord/
        : /They are: your email address is in one customer record/,
    );
    expect(mail.text).toMatch(
      locale === 'nl' ? /jouw gegevens zitten wel in dit datalek/ : /your details are in this breach/,
    );
    expect(mail.text).not.toMatch(/negeren|ignore/i);
  });

  it.each(LOCALES)('gives the %s hit mail a way to verify without clicking', (locale) => {
    const mail = compose(hit(locale), PORTAL);
    const support = config.support[locale];
    expect(mail.text).toContain(
      locale === 'nl'
        ? 'typ zelf datalek.voorbeeld.example in je browser'
        : 'type datalek.voorbeeld.example into your browser yourself',
    );
    expect(mail.text).toContain(
      locale === 'nl'
        ? 'De knop hierboven gaat naar datalek.voorbeeld.example.'
        : 'The button above goes to datalek.voorbeeld.example.',
    );
    expect(mail.text).toMatch(locale === 'nl' ? /Die pagina vraagt niets van je/ : /That page asks you for nothing/);
    expect(mail.text).toContain(`${support.phone}, ${support.hours}`);
    expect(mail.text).toContain(support.url);
    expect(mail.html).toContain(`href="tel:${support.phone.replace(/[^+\d]/g, '')}"`);
  });

  it.each(LOCALES)('explains the support route in the %s miss mail, with no token', (locale) => {
    const mail = compose(miss(locale));
    expect(mail.text).toContain(`${TEST_ORIGIN}/${locale}/assist`);
    expect(mail.text).toContain(config.support[locale].phone);
    expect(mail.text).toContain(config.support[locale].hours);
    expect(mail.text).toContain(config.support[locale].url);
    expect(mail.text).toMatch(locale === 'nl' ? /telefoonnummer of klantnummer/ : /phone number or customer number/);
    expect(mail.text).toMatch(
      locale === 'nl'
        ? /niet zelf gedaan\?.*Je hoeft niets te doen/
        : /not request this check\?.*You need not do anything/,
    );
    expect(mail.text).not.toContain('result#t=');
    expect(mail.html).not.toContain('result#t=');
  });

  it.each(allMails)('names its exact sender and a rule the real sender passes (%s)', (_label, mail) => {
    expect(mail.from).toBe(formatSender(config.sender.name, config.sender.address));
    expect(mail.text).toContain(config.sender.address);
    // The rule as written: after the @ exactly the domain, or ending in ".domain" — which the sender's domain does.
    const [domain] = config.genuineSenderDomains;
    expect(mail.text).toMatch(new RegExp(`${domain?.replace(/\./g, '\\.')}.*\\.${domain?.replace(/\./g, '\\.')}`));
    expect(config.sender.address.endsWith(`.${domain}`) || config.sender.address.endsWith(`@${domain}`)).toBe(true);
    expect(isGenuineSenderAddress(config.genuineSenderDomains, config.sender.address)).toBe(true);
    expect(isGenuineSenderAddress(config.genuineSenderDomains, `x@${domain}.secure-login.com`)).toBe(false);
  });

  it.each(allMails)('sets Reply-To to the support mailbox and says so (%s)', (_label, mail) => {
    expect(mail.replyTo).toBe(config.sender.replyTo);
    expect(mail.text).toContain(`${config.sender.replyTo}`);
  });

  it('says that replies are not read when the config chooses so, and sets no Reply-To', () => {
    const unread = parseBreachConfig({ ...config, sender: { ...config.sender, replyTo: 'unread' } });
    const mail = composeEmail(miss('en'), { config: unread, origin: TEST_ORIGIN });
    expect(mail.replyTo).toBeUndefined();
    expect(mail.text).toContain('Replies to this email are not read.');
  });

  it.each(allMails)('keeps every plain-text line that holds a URL within 70 characters (%s)', (_label, mail) => {
    const urlLines = mail.text.split('\n').filter((line) => /https?:|[A-Za-z0-9_-]{20}/.test(line));
    expect(urlLines.length).toBeGreaterThan(0);
    for (const line of urlLines) expect(line.length).toBeLessThanOrEqual(70);
  });

  it.each(allMails)('lets long link text wrap and declares its colour schemes (%s)', (_label, mail) => {
    for (const anchor of mail.html.match(/<a [^>]*>https?:[^<]*<\/a>/g) ?? []) {
      expect(anchor).toMatch(/word-break:break-all;overflow-wrap:anywhere/);
    }
    expect(mail.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(mail.html).toContain('<meta name="supported-color-schemes" content="light dark">');
    expect(mail.html).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });

  it.each(LOCALES)('draws the %s result button as a table cell, not a styled link in a div', (locale) => {
    const html = compose(hit(locale)).html;
    expect(html).toMatch(
      /<table role="presentation"[^>]*>\s*<tr><td [^>]*bgcolor="#[0-9a-f]{6}"[^>]*>\s*<a href="[^"]*result#t=/,
    );
    expect(html).not.toMatch(/<div[^>]*>\s*<a/);
  });

  it.each(LOCALES)('gives the %s hit and miss mails one subject that says what the mail is', (locale) => {
    const subject = compose(hit(locale)).subject;
    expect(compose(miss(locale)).subject).toBe(subject);
    expect(subject).toContain(config.organisation.name);
    expect(subject).toMatch(locale === 'nl' ? /^Uitslag van je datalekcheck bij/ : /data breach check: the result$/);
  });

  it('addresses the Dutch reader as "je", never "u"', () => {
    for (const mail of [compose(hit('nl')), compose(miss('nl'))]) {
      expect(mail.text).toMatch(/\bje\b/);
      expect(mail.text).not.toMatch(/\b(u|uw|U|Uw)\b/);
    }
  });

  it('loads no image or external resource and escapes every configured value', () => {
    const hostile = parseBreachConfig({
      ...config,
      organisation: { ...config.organisation, name: '<script>alert(1)</script> & "Co"' },
      title: { nl: '<img src=x onerror=alert(1)>', en: 'x' },
    });
    const mail = composeEmail(hit('nl', 1), { config: hostile, origin: TEST_ORIGIN });
    expect(mail.html).not.toMatch(/<(img|script|link|iframe|object)|<[a-z]+[^>]*\s(src|background)=|url\(|@import/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
    const allowed = [TEST_ORIGIN, 'tel:', config.support.nl.url];
    expect(hrefs.every((href) => allowed.some((start) => href.startsWith(start)))).toBe(true);
  });

  it('quotes an ASCII sender name and encodes a non-ASCII one', () => {
    expect(formatSender('Odido datalekcheck', 'datalek@mail.odido.nl')).toBe(
      '"Odido datalekcheck" <datalek@mail.odido.nl>',
    );
    expect(formatSender('Café', 'x@example.nl')).toBe(
      `=?UTF-8?B?${Buffer.from('Café').toString('base64')}?= <x@example.nl>`,
    );
  });
});

describe('the mail a staff re-send produces', () => {
  it.each(LOCALES)('is the %s hit mail the website would send, with sender, Reply-To and subject', async (locale) => {
    const { deps, stores, emailQueue } = createCheckFixture();
    await stores.exposures.putRecords([exposureFor('hit@example.nl', 'subject-1', ['iban'])]);
    const call = new StaffCallAudit(deps, 'confirmation');
    call.identify({ staffId: 'agent.anna', role: 'agent' });
    await resendConfirmation(
      deps,
      call,
      { email: 'hit@example.nl', locale, reason: 'confirmation_not_received', ticket: 'INC-1234' },
      locale,
    );
    const sent: EmailMessage[] = [];
    const [job] = emailQueue.jobs;
    if (!job || 'channel' in job) throw new Error('expected a queued mail');
    await deliverEmailJob({ config, origin: TEST_ORIGIN, mailer: { send: async (m) => void sent.push(m) } }, job);
    const [mail] = sent;
    expect(mail?.replyTo).toBe(config.sender.replyTo);
    expect(mail?.text).toContain(config.sender.address);
    expect(mail?.subject).toBe(compose(miss(locale)).subject);
    expect(mail?.html).toContain(`${TEST_ORIGIN}/${locale}/result#t=`);
  });
});
