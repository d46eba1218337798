import { Match } from 'aws-cdk-lib/assertions';
import { FIXTURE_HANDLER, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The optional parts: a custom domain with a certificate requested in us-east-1, a stage name, and creating the
 * exposures table from an S3 import. Bundles the tiny fixture handler: the real bundles are covered elsewhere.
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({
    handlerEntryOverride: FIXTURE_HANDLER,
    stage: 'acc',
    siteDomain: 'datalek.example.nl',
    deployConfig: 'test/infra/fixtures/deploy-import.json',
  });
}, 120_000);

describe('portal variants', () => {
  it('names the stacks after the stage', () => {
    expect(portal.portal.stackName).toBe('BreachPortal-acc');
    expect(portal.edge.stackName).toBe('BreachPortal-acc-Edge');
  });

  it('requests a DNS-validated certificate in us-east-1 and serves the custom domain with TLS 1.2+', () => {
    portal.edgeTemplate.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'datalek.example.nl',
      ValidationMethod: 'DNS',
    });
    portal.portalTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['datalek.example.nl'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
  });

  it('points the staff sign-in callback at the custom domain', () => {
    portal.portalTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://datalek.example.nl/staff/'],
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
    });
  });

  it('creates the exposures table from the gzip DynamoDB-JSON import in S3', () => {
    portal.portalTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([{ AttributeName: 'identifierHash', KeyType: 'HASH' }]),
      ImportSourceSpecification: {
        InputFormat: 'DYNAMODB_JSON',
        InputCompressionType: 'GZIP',
        S3BucketSource: { S3Bucket: 'hashed-import', S3KeyPrefix: 'odido/' },
      },
      WarmThroughput: { WriteUnitsPerSecond: 40_000 },
    });
  });

  it('stays free of unacknowledged cdk-nag findings with the optional parts on', () => {
    expect(portal.nagErrors).toEqual([]);
    expect(portal.nagWarnings).toEqual([]);
  });
});
