import { deliverOutgoingJob, parseOutgoingJob } from '../../../functions/core/check/deliver-outgoing-job';
import { composeSms } from '../../../functions/core/sms/compose-sms';
import { smsEncodingOf } from '../../../functions/core/sms/sms-segments';
import { config, RecordingSmsSender, TEST_ORIGIN } from '../check/check-fixture';

const TOKEN = 'A_b-'.repeat(10).concat('xyz');
const DEPLOYED_ORIGIN = 'https://datalekcheck.odido.nl';

describe('SMS segments', () => {
  it('counts GSM-7 septets, two for extension characters, and 153 per part once split', () => {
    expect(smsEncodingOf('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsEncodingOf('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsEncodingOf(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsEncodingOf('a'.repeat(307)).segments).toBe(3);
    expect(smsEncodingOf('é è à ü ñ _ # =').encoding).toBe('GSM-7');
  });

  it('falls back to UCS-2 for one character outside GSM-7: 70 units, 67 per part', () => {
    expect(smsEncodingOf(`${'a'.repeat(69)}–`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsEncodingOf(`${'a'.repeat(70)}’`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });
});

describe('composeSms', () => {
  it.each(['nl', 'en'] as const)('texts a hit (%s) the result link in one GSM-7 segment', (locale) => {
    for (const origin of [TEST_ORIGIN, DEPLOYED_ORIGIN]) {
      const { to, text } = composeSms(
        { channel: 'sms', kind: 'affected', to: '+31612345678', locale, token: TOKEN },
        {
          config,
          origin,
        },
      );
      expect(to).toBe('+31612345678');
      expect(text).toContain(`${origin}/${locale}/result#t=${TOKEN}`);
      expect(text.startsWith(`${config.organisation.name}:`)).toBe(true);
      expect(smsEncodingOf(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    }
  });

  it('uses a shorter wording rather than a second segment when the origin is long', () => {
    const origin = `https://${'a'.repeat(40)}.example.nl`;
    const job = { channel: 'sms', kind: 'affected', to: '+31612345678', locale: 'nl', token: TOKEN } as const;
    const { text } = composeSms(job, { config, origin });
    expect(text).not.toContain('geldig');
    expect(smsEncodingOf(text).segments).toBe(1);
  });

  it.each(['nl', 'en'] as const)('texts a miss (%s) the support route without any link to a result', (locale) => {
    const { text } = composeSms(
      { channel: 'sms', kind: 'not_found', to: '+31611111111', locale },
      {
        config,
        origin: TEST_ORIGIN,
      },
    );
    expect(text).toContain(config.support[locale].phone);
    expect(text).toContain(config.support[locale].url);
    expect(text).not.toContain('result');
    expect(text).not.toContain('+3161');
    expect(smsEncodingOf(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('uses the informal "je" in Dutch', () => {
    const job = { channel: 'sms', kind: 'affected', to: '+31612345678', locale: 'nl', token: TOKEN } as const;
    expect(composeSms(job, { config, origin: TEST_ORIGIN }).text).toMatch(/\bje\b/);
    expect(composeSms(job, { config, origin: TEST_ORIGIN }).text).not.toMatch(/\bu\b|\buw\b/);
  });
});

describe('the outgoing-message queue', () => {
  it('reads SMS jobs and mail jobs back, and refuses what is neither', () => {
    const sms = { channel: 'sms', kind: 'affected', to: '+31612345678', locale: 'nl', token: TOKEN };
    expect(parseOutgoingJob(JSON.stringify(sms))).toEqual(sms);
    expect(parseOutgoingJob(JSON.stringify({ kind: 'not_found', to: 'a@example.nl', locale: 'en' }))).toEqual({
      kind: 'not_found',
      to: 'a@example.nl',
      locale: 'en',
    });
    expect(parseOutgoingJob(JSON.stringify({ ...sms, to: '0612345678' }))).toBeUndefined();
    expect(parseOutgoingJob(JSON.stringify({ ...sms, channel: 'fax' }))).toBeUndefined();
    expect(parseOutgoingJob(JSON.stringify({ ...sms, token: undefined }))).toBeUndefined();
  });

  it('hands an SMS job to the SMS sender and never to the mailer', async () => {
    const smsSender = new RecordingSmsSender();
    const mailer = { send: async () => Promise.reject(new Error('mail must not be sent')) };
    await deliverOutgoingJob(
      { config, origin: TEST_ORIGIN, mailer, smsSender },
      { channel: 'sms', kind: 'not_found', to: '+31611111111', locale: 'en' },
    );
    expect(smsSender.sent).toHaveLength(1);
  });
});
