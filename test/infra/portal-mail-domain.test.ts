import { Match } from 'aws-cdk-lib/assertions';
import { InvalidContextError } from '../../infra/portal-settings';
import { FIXTURE_HANDLER, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * What lets a mailbox provider and a customer tell the portal's mail from phishing: SPF aligned through a custom
 * MAIL FROM subdomain, delivery only over TLS, and a portal on the organisation's own domain rather than
 * *.cloudfront.net (a deploy refuses to synthesize without one unless a test stack says so explicitly).
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER });
}, 120_000);

describe('the SES identity and configuration set', () => {
  it('sends with a custom MAIL FROM subdomain of the sender domain, so SPF aligns with the From address', () => {
    portal.portalTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.odido.nl',
      MailFromAttributes: { MailFromDomain: 'bounce.mail.odido.nl', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
  });

  it('prints the MX and SPF records the MAIL FROM domain needs', () => {
    const outputs = Object.values(portal.portalTemplate.findOutputs('*')).map((output) => JSON.stringify(output.Value));
    expect(outputs).toContainEqual(
      expect.stringContaining('bounce.mail.odido.nl MX 10 feedback-smtp.eu-west-1.amazonses.com'),
    );
    expect(outputs).toContainEqual(
      expect.stringContaining('bounce.mail.odido.nl TXT \\"v=spf1 include:amazonses.com ~all\\"'),
    );
  });

  it('requires TLS for every delivery through the configuration set', () => {
    portal.portalTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: Match.objectLike({ TlsPolicy: 'REQUIRE' }),
    });
  });
});

describe('the portal domain', () => {
  it('refuses to synthesize a deploy without a custom domain', () => {
    expect(() => synthPortal({ handlerEntryOverride: FIXTURE_HANDLER, allowDefaultDomain: false })).toThrow(
      InvalidContextError,
    );
    expect(() => synthPortal({ handlerEntryOverride: FIXTURE_HANDLER, allowDefaultDomain: 'false' })).toThrow(
      /-c allowDefaultDomain=true/,
    );
  });
});
