import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BreachConfig, isPortalClosed, parseBreachConfig } from '../../../functions/core/breach-config';
import { InvalidConfigError } from '../../../functions/core/errors';

const shipped = JSON.parse(readFileSync(join(__dirname, '../../../config/breach.json'), 'utf8')) as BreachConfig;

/** A deep copy of the shipped config with one change applied. */
function variant(change: (config: Record<string, unknown> & BreachConfig) => void): unknown {
  const config = structuredClone(shipped) as Record<string, unknown> & BreachConfig;
  change(config);
  return config;
}

function keyOfFailure(input: unknown): string {
  try {
    parseBreachConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).code).toBe('invalid_config');
    expect((error as InvalidConfigError).message).toContain(`"${(error as InvalidConfigError).key}"`);
    return (error as InvalidConfigError).key;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseBreachConfig', () => {
  it('accepts the shipped demo configuration', () => {
    const config = parseBreachConfig(shipped);
    expect(config.id).toBe(shipped.id);
    expect(config.languages).toContain(config.defaultLanguage);
  });

  it.each<[string, (config: Record<string, unknown> & BreachConfig) => void, string]>([
    ['a missing top-level key', (c) => delete (c as Partial<BreachConfig>).id, 'id'],
    [
      'a missing nested key',
      (c) => delete (c.support.en as Partial<BreachConfig['support']['en']>).phone,
      'support.en.phone',
    ],
    ['a missing locale', (c) => delete (c.title as Partial<BreachConfig['title']>).en, 'title.en'],
    ['a number where text belongs', (c) => Object.assign(c.organisation, { name: 42 }), 'organisation.name'],
    [
      'text where a number belongs',
      (c) => Object.assign(c.limits, { checksPerAddressPerDay: '5' }),
      'limits.checksPerAddressPerDay',
    ],
    ['a negative limit', (c) => Object.assign(c.limits, { checksPerIpPerMinute: -1 }), 'limits.checksPerIpPerMinute'],
    ['a token lifetime over 72 hours', (c) => Object.assign(c.retention, { tokenHours: 96 }), 'retention.tokenHours'],
    ['an unknown top-level key', (c) => Object.assign(c, { colour: 'blue' }), 'colour'],
    ['an unknown nested key', (c) => Object.assign(c.limits, { perMonth: 3 }), 'limits.perMonth'],
    ['a date in the wrong format', (c) => Object.assign(c, { discoveryDate: '07-02-2026' }), 'discoveryDate'],
    ['a month that does not exist', (c) => Object.assign(c, { discoveryDate: '2026-13-01' }), 'discoveryDate'],
    ['a day that does not exist', (c) => Object.assign(c, { closingDate: '2027-02-30' }), 'closingDate'],
    ['a closing date before discovery', (c) => Object.assign(c, { closingDate: '2025-01-01' }), 'closingDate'],
    ['an unknown field name', (c) => Object.assign(c, { exposedFields: ['email', 'password'] }), 'exposedFields.1'],
    ['no exposed fields', (c) => Object.assign(c, { exposedFields: [] }), 'exposedFields'],
    ['an unsupported language', (c) => Object.assign(c, { languages: ['nl', 'de'] }), 'languages.1'],
    ['a default language not offered', (c) => Object.assign(c, { languages: ['en'] }), 'defaultLanguage'],
    [
      'a sender outside the genuine domains',
      (c) => Object.assign(c.sender, { address: 'noreply@odido-support.com' }),
      'sender.address',
    ],
    ['a sender that is no address', (c) => Object.assign(c.sender, { address: 'datalek' }), 'sender.address'],
    [
      'no choice where replies go',
      (c) => delete (c.sender as Partial<BreachConfig['sender']>).replyTo,
      'sender.replyTo',
    ],
    ['replies to neither an address nor "unread"', (c) => Object.assign(c.sender, { replyTo: 'no' }), 'sender.replyTo'],
    [
      'replies to a mailbox outside the genuine domains',
      (c) => Object.assign(c.sender, { replyTo: 'help@odido-support.com' }),
      'sender.replyTo',
    ],
    ['a site domain that is a URL', (c) => Object.assign(c, { siteDomain: 'https://datalek.odido.nl' }), 'siteDomain'],
    [
      'an upper-case genuine domain',
      (c) => Object.assign(c, { genuineSenderDomains: ['Odido.nl'] }),
      'genuineSenderDomains.0',
    ],
    [
      'a customer number pattern that is no regular expression',
      (c) => Object.assign(c, { customerNumberPattern: '([0-9' }),
      'customerNumberPattern',
    ],
    [
      'a support URL that is not http(s)',
      (c) => Object.assign(c.support.nl, { url: 'ftp://odido.nl' }),
      'support.nl.url',
    ],
    [
      'a phone region that is no country code',
      (c) => Object.assign(c, { defaultPhoneRegion: 'nl' }),
      'defaultPhoneRegion',
    ],
    [
      'an example customer number the pattern refuses',
      (c) => Object.assign(c, { customerNumberExample: '12-AB' }),
      'customerNumberExample',
    ],
    [
      'a brand colour that is no #rrggbb',
      (c) => Object.assign(c, { branding: { colour: 'purple' } }),
      'branding.colour',
    ],
    [
      'a brand colour too light for links on white',
      (c) => Object.assign(c, { branding: { colour: '#ffcc00' } }),
      'branding.colour',
    ],
    [
      'a logo that is not an embedded image',
      (c) => Object.assign(c, { branding: { colour: '#5a2d82', logo: 'https://cdn.example/logo.svg' } }),
      'branding.logo',
    ],
    [
      'a call-back promise of zero days',
      (c) => Object.assign(c, { callback: { callerNumber: '0800 1234', withinWorkingDays: 0 } }),
      'callback.withinWorkingDays',
    ],
  ])('rejects %s, naming the bad key', (_label, change, expectedKey) => {
    expect(keyOfFailure(variant(change))).toBe(expectedKey);
  });

  it('rejects input that is not an object at all', () => {
    expect(keyOfFailure('not a config')).toBe('(root)');
  });

  it('accepts a sender on a subdomain of a genuine domain', () => {
    expect(() =>
      parseBreachConfig(variant((c) => Object.assign(c.sender, { address: 'x@mail.odido.nl' }))),
    ).not.toThrow();
  });
});

it('explains what replyTo expects', () => {
  const config = variant((c) => Object.assign(c.sender, { replyTo: 'no' }));
  expect(() => parseBreachConfig(config)).toThrow(/support address that reads replies, or "unread"/);
});

describe('isPortalClosed', () => {
  it('opens through the closing date and closes the day after (UTC)', () => {
    const config = parseBreachConfig(shipped);
    expect(isPortalClosed(config, new Date(`${config.closingDate}T23:59:59Z`))).toBe(false);
    const dayAfter = new Date(Date.parse(`${config.closingDate}T00:00:00Z`) + 86_400_000);
    expect(isPortalClosed(config, dayAfter)).toBe(true);
  });

  it('accepts branding with a dark enough colour and an embedded logo', () => {
    const branding = { colour: '#5a2d82', logo: 'data:image/svg+xml;base64,PHN2Zy8+' };
    expect(parseBreachConfig(variant((c) => Object.assign(c, { branding }))).branding).toEqual(branding);
  });
});
