import { parseBreachConfig } from '../../../functions/core/breach-config';
import { composeEmail, formatSender } from '../../../functions/core/email/compose-email';
import { config, TEST_ORIGIN } from './check-fixture';

const TOKEN = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF123';

describe('composeEmail', () => {
  it.each(['nl', 'en'] as const)(
    'puts the result link in the %s affected mail as a button and as plain text',
    (locale) => {
      const mail = composeEmail(
        { kind: 'affected', to: 'a@example.nl', locale, token: TOKEN, recordCount: 2 },
        {
          config,
          origin: TEST_ORIGIN,
        },
      );
      const link = `${TEST_ORIGIN}/${locale}/result#t=${TOKEN}`;
      expect(mail.to).toBe('a@example.nl');
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html.match(new RegExp(`>${link}</a>`, 'g'))).toHaveLength(1);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.text).toContain(config.title[locale]);
      expect(mail.text).toContain(config.genuineSenderDomains[0]);
      expect(mail.text).toMatch(locale === 'nl' ? /nooit.*wachtwoord, IBAN/ : /never asks for your password, IBAN/);
    },
  );

  it.each(['nl', 'en'] as const)('explains the support route in the %s not-found mail, with no token', (locale) => {
    const mail = composeEmail({ kind: 'not_found', to: 'a@example.nl', locale }, { config, origin: TEST_ORIGIN });
    expect(mail.text).toContain(`${TEST_ORIGIN}/${locale}/assist`);
    expect(mail.text).toContain(config.support[locale].phone);
    expect(mail.text).toContain(config.support[locale].hours);
    expect(mail.text).toContain(config.support[locale].url);
    expect(mail.text).toMatch(locale === 'nl' ? /telefoonnummer of klantnummer/ : /phone number or customer number/);
    expect(mail.text).not.toContain('result#t=');
    expect(mail.html).not.toContain('result#t=');
  });

  it('gives both mails the same neutral subject', () => {
    const affected = composeEmail(
      { kind: 'affected', to: 'a@example.nl', locale: 'nl', token: TOKEN, recordCount: 1 },
      {
        config,
        origin: TEST_ORIGIN,
      },
    );
    const notFound = composeEmail(
      { kind: 'not_found', to: 'a@example.nl', locale: 'nl' },
      { config, origin: TEST_ORIGIN },
    );
    expect(affected.subject).toBe(notFound.subject);
    expect(affected.subject).not.toMatch(/datalek|breach|getroffen|affected/i);
  });

  it('loads no image or external resource and escapes every configured value', () => {
    const hostile = parseBreachConfig({
      ...config,
      organisation: { ...config.organisation, name: '<script>alert(1)</script> & "Co"' },
      title: { nl: '<img src=x onerror=alert(1)>', en: 'x' },
    });
    const mail = composeEmail(
      { kind: 'affected', to: 'a@example.nl', locale: 'nl', token: TOKEN, recordCount: 1 },
      {
        config: hostile,
        origin: TEST_ORIGIN,
      },
    );
    expect(mail.html).not.toMatch(/<(img|script|link|iframe|object)|<[a-z]+[^>]*\s(src|background)=|url\(|@import/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.every((href) => href?.startsWith(TEST_ORIGIN))).toBe(true);
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
