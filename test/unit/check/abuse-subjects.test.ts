import { canonicalMailbox } from '../../../functions/core/check/canonical-mailbox';
import { assertDeliverableAddress, mailboxLimitMessage } from '../../../functions/core/check/check-refusals';
import { ipCountingKey } from '../../../functions/core/check/ip-prefix';
import { normaliseEmail } from '../../../functions/core/identifiers';

/* What the limits count (docs/security.md points 2–4): IPv6 prefixes, mailboxes, deliverable addresses. */

describe('ipCountingKey', () => {
  it('counts every address of one IPv6 /64 as one', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:abcd::9'].map((ip) =>
      ipCountingKey(ip, 64),
    );
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2:0:0:0:0/64']));
    expect(ipCountingKey('2001:db8:1:3::1', 64)).not.toBe(keys[0]);
  });

  it('follows the configured prefix length, including one inside a group', () => {
    expect(ipCountingKey('2001:db8:1:2ff::1', 56)).toBe('2001:db8:1:200:0:0:0:0/56');
    expect(ipCountingKey('2001:db8::1', 128)).toBe('2001:db8:0:0:0:0:0:1/128');
    expect(ipCountingKey('fe80::1%eth0', 64)).toBe('fe80:0:0:0:0:0:0:0/64');
  });

  it('counts IPv4, also written IPv4-mapped, by the address', () => {
    expect(ipCountingKey('192.0.2.7', 64)).toBe('192.0.2.7');
    expect(ipCountingKey('::ffff:192.0.2.7', 64)).toBe('192.0.2.7');
    expect(ipCountingKey('64:ff9b::192.0.2.7', 96)).toBe('64:ff9b:0:0:0:0:0:0/96');
  });
});

describe('canonicalMailbox', () => {
  it.each([
    ['a+1@gmail.com', 'a@gmail.com'],
    ['a.b@gmail.com', 'ab@gmail.com'],
    ['ab@googlemail.com', 'ab@gmail.com'],
    ['A.B+news@GoogleMail.com', 'ab@gmail.com'],
    ['jan+shop@example.nl', 'jan@example.nl'],
    ['jan.de.vries@example.nl', 'jan.de.vries@example.nl'],
    ['+only@example.nl', '+only@example.nl'],
  ])('counts %s as the mailbox %s', (input, mailbox) => {
    expect(canonicalMailbox(normaliseEmail(input))).toBe(mailbox);
  });
});

describe('assertDeliverableAddress', () => {
  it('refuses a non-ASCII local part (SES has no SMTPUTF8) in the request language, saying why', () => {
    expect(() => assertDeliverableAddress(normaliseEmail('jösé@example.nl'), 'en')).toThrow(
      expect.objectContaining({ code: 'invalid_email', message: expect.stringContaining('before the @') }),
    );
    expect(() => assertDeliverableAddress(normaliseEmail('jösé@example.nl'), 'nl')).toThrow(/vóór de @/);
  });

  it('accepts an internationalised domain: it is sent as punycode', () => {
    expect(() => assertDeliverableAddress(normaliseEmail('jose@bücher.example'), 'nl')).not.toThrow();
  });
});

describe('mailboxLimitMessage', () => {
  it('names the clock time in Amsterdam, rounded up to the minute, and the call-back page', () => {
    const now = Date.parse('2026-07-01T08:00:00Z');
    const retry = Date.parse('2026-07-01T12:19:30Z');
    expect(mailboxLimitMessage('en', now, retry)).toContain('Try again after 14:20 (Amsterdam time)');
    expect(mailboxLimitMessage('en', now, retry)).toContain('/en/assist');
    expect(mailboxLimitMessage('nl', now, retry)).toContain('Probeer het na 14:20 opnieuw');
  });

  it('says tomorrow when the time falls on the next day in Amsterdam', () => {
    const now = Date.parse('2026-01-10T21:00:00Z');
    expect(mailboxLimitMessage('en', now, Date.parse('2026-01-11T09:05:00Z'))).toContain('after 10:05 tomorrow');
    expect(mailboxLimitMessage('nl', now, Date.parse('2026-01-11T09:05:00Z'))).toContain('morgen na 10:05');
  });
});
