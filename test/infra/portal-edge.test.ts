import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { EMAIL_SENDER, ROUTES } from '../../contract/routes';
import { FIXTURE_HANDLER, logicalId, PROJECT_ROOT, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The edge of the portal: CloudFront (headers, behaviours, functions), the us-east-1 WAF and the alarms. None of
 * this depends on what the handlers contain, so this file bundles the tiny fixture handler and synthesizes fast.
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER, alarmEmail: 'ops@example.nl' });
}, 120_000);

const ALL_FUNCTIONS = [...ROUTES.map((r) => r.id), EMAIL_SENDER.id];

describe('site', () => {
  const headers = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'site/security-headers.json'), 'utf8'));

  it('sends the site engineer’s CSP, HSTS and frame rules from the CDN', () => {
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    portal.portalTemplate.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: headers['Content-Security-Policy'], Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Override: true,
            Preload: false,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        }),
      },
    });
  });

  it('lets only /staff/* connect to the Cognito hosted UI, keeping the site CSP otherwise unchanged', () => {
    const policies = Object.values(portal.portalTemplate.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csps = policies.map((p) =>
      JSON.stringify(p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy),
    );
    expect(csps.filter((csp) => csp.includes('amazoncognito.com'))).toHaveLength(1);
    expect(csps.filter((csp) => csp.includes("connect-src 'self' https://"))).toHaveLength(1);
    const distribution = Object.values(portal.portalTemplate.findResources('AWS::CloudFront::Distribution'))[0];
    const staff = distribution?.Properties.DistributionConfig.CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === '/staff/*',
    );
    expect(staff).toBeDefined();
  });

  it('deploys the site build and the staff console sign-in settings to the bucket', () => {
    const deployment = Object.values(portal.portalTemplate.findResources('Custom::CDKBucketDeployment'))[0];
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment?.Properties.SourceMarkers);
    expect(markers).toContain(logicalId(portal.portal.staffAuth.client));
    expect(markers).toContain(logicalId(portal.portal.site.distribution));
  });

  it('serves the bucket only through origin access control and /api/* uncached to the HTTP API', () => {
    portal.portalTemplate.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    portal.portalTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const distribution = Object.values(portal.portalTemplate.findResources('AWS::CloudFront::Distribution'))[0];
    const config = distribution?.Properties.DistributionConfig;
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // managed CachingDisabled
    expect(api.AllowedMethods).toContain('POST');
    expect(config.WebACLId).toBeDefined();
    // The handlers' per-IP limits need the viewer's address, which API Gateway cannot see behind CloudFront.
    expect(api.FunctionAssociations).toHaveLength(1);
    const viewerIp = Object.values(portal.portalTemplate.findResources('AWS::CloudFront::Function')).find((f) =>
      String(f.Properties.FunctionCode).includes('event.viewer.ip'),
    );
    expect(String(viewerIp?.Properties.FunctionCode)).toContain("headers['x-portal-viewer-ip']");
  });
});

describe('protection (us-east-1)', () => {
  it('puts the WAF in us-east-1 for CloudFront with managed rules, rate limits and a challenge on checks', () => {
    expect(portal.edge.region).toBe('us-east-1');
    const acl = Object.values(portal.edgeTemplate.findResources('AWS::WAFv2::WebACL'))[0]?.Properties;
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = acl.Rules as {
      Name: string;
      Action?: object;
      Statement: Record<string, { Name?: string } | undefined>;
    }[];
    const managed = rules.map((rule) => rule.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']),
    );
    const challenge = rules.find((rule) => 'Challenge' in (rule.Action ?? {}));
    expect(JSON.stringify(challenge?.Statement)).toContain('/api/v1/checks');
    // fetch() cannot run the challenge script: page loads must be challenged too, so browsers hold a token.
    expect(JSON.stringify(challenge?.Statement)).toContain('text/html');
    expect(rules.filter((rule) => rule.Statement.RateBasedStatement).length).toBeGreaterThanOrEqual(2);
  });
});

describe('observability', () => {
  const alarmMetrics = () =>
    Object.values(portal.portalTemplate.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.MetricName);

  it('alarms on API 5xx, function throttles, dead letters and the SES bounce rate, to the alarm topic', () => {
    expect(alarmMetrics()).toEqual(
      expect.arrayContaining(['5xx', 'Throttles', 'ApproximateNumberOfMessagesVisible', 'Reputation.BounceRate']),
    );
    expect(alarmMetrics().filter((name) => name === 'Throttles')).toHaveLength(ALL_FUNCTIONS.length);
    portal.portalTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.nl',
    });
    portal.portalTemplate.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
