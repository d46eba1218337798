import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { TABLE_DEFINITIONS } from '../../functions/adapters/dynamodb/table-definitions';
import { ROUTES } from '../../infra/routes';
import { actionsOnResource, keyPolicyActionsFor } from './iam-statements';
import { PROJECT_ROOT, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The deployed portal as `cdk synth` builds it, with the REAL handler bundles: one synthesis for the whole file.
 * Each test names the property an operator or auditor relies on.
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({ alarmEmail: 'ops@example.nl' });
}, 120_000);

function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as never);
}

function roleOf(routeId: string): string {
  const fn = routeId === 'SendEmail' ? portal.portal.email.sender : portal.portal.api.functions[routeId];
  if (!fn) throw new Error(`no function ${routeId}`);
  return logicalId(fn.function.role as unknown as IConstruct);
}

const tableId = (key: keyof SynthesizedPortal['portal']['data']['tables']) => logicalId(portal.portal.data.tables[key]);
const ALL_FUNCTIONS = [...ROUTES.map((r) => r.id), 'SendEmail'];

describe('data', () => {
  it('encrypts every table with the customer-managed key, with PITR, deletion protection and on-demand billing', () => {
    const tables = portal.portalTemplate.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(TABLE_DEFINITIONS.length);
    const keyId = logicalId(portal.portal.data.tableKey);
    for (const table of Object.values(tables)) {
      expect(table.Properties.SSESpecification).toEqual({
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.DeletionPolicy).toBe('Retain');
    }
  });

  it('turns on TTL for every table whose definition has an expiry attribute', () => {
    for (const definition of TABLE_DEFINITIONS) {
      const table = portal.portalTemplate.toJSON().Resources[tableId(definition.key)];
      const expected = definition.ttlAttribute && { AttributeName: definition.ttlAttribute, Enabled: true };
      expect(table.Properties.TimeToLiveSpecification).toEqual(expected);
    }
  });

  it('rotates the table, assist-request, pepper and queue keys yearly', () => {
    const keys = portal.portalTemplate.findResources('AWS::KMS::Key');
    expect(Object.keys(keys)).toHaveLength(4);
    for (const key of Object.values(keys)) expect(key.Properties.EnableKeyRotation).toBe(true);
  });
});

describe('least privilege', () => {
  it('lets the check function read exposures but never write or delete them', () => {
    const actions = actionsOnResource(portal.portalTemplate, roleOf('CreateCheck'), tableId('exposures'));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    for (const forbidden of [
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:BatchWriteItem',
    ]) {
      expect(actions).not.toContain(forbidden);
    }
  });

  it('gives audit writers PutItem alone and nobody UpdateItem, DeleteItem or BatchWriteItem on the audit table', () => {
    for (const id of ALL_FUNCTIONS) {
      const actions = actionsOnResource(portal.portalTemplate, roleOf(id), tableId('audit'));
      for (const forbidden of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        expect(actions).not.toContain(forbidden);
      }
    }
    expect(actionsOnResource(portal.portalTemplate, roleOf('StaffLookup'), tableId('audit'))).toEqual([
      'dynamodb:PutItem',
    ]);
    expect(actionsOnResource(portal.portalTemplate, roleOf('StaffAudit'), tableId('audit'))).toEqual([
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
  });

  it('lets only the hashing functions read the pepper', () => {
    const secretId = logicalId(portal.portal.secrets.pepper);
    const keyId = logicalId(portal.portal.secrets.pepperKey);
    for (const id of ALL_FUNCTIONS) {
      const hashes = ROUTES.find((route) => route.id === id)?.grants.pepper === true;
      const secretActions = actionsOnResource(portal.portalTemplate, roleOf(id), secretId);
      expect({ id, reads: secretActions.includes('secretsmanager:GetSecretValue') }).toEqual({ id, reads: hashes });
      const keyActions = [
        ...actionsOnResource(portal.portalTemplate, roleOf(id), keyId),
        ...keyPolicyActionsFor(portal.portalTemplate, keyId, roleOf(id)),
      ];
      expect({ id, decrypts: keyActions.includes('kms:Decrypt') }).toEqual({ id, decrypts: hashes });
    }
    expect(ROUTES.filter((route) => route.grants.pepper).map((route) => route.id)).toContain('CreateCheck');
  });

  it('lets the public assist function encrypt with the assist-request key and only staff functions decrypt', () => {
    const keyId = logicalId(portal.portal.data.assistRequestKey);
    const publicActions = actionsOnResource(portal.portalTemplate, roleOf('CreateAssistRequest'), keyId);
    expect(publicActions).toContain('kms:Encrypt');
    expect(publicActions).not.toContain('kms:Decrypt');
    const decrypters = ALL_FUNCTIONS.filter((id) =>
      [
        ...actionsOnResource(portal.portalTemplate, roleOf(id), keyId),
        ...keyPolicyActionsFor(portal.portalTemplate, keyId, roleOf(id)),
      ].includes('kms:Decrypt'),
    );
    expect(decrypters).toEqual(['StaffListAssistRequests']);
  });

  it('puts no secret value in any function environment: the pepper travels as an ARN', () => {
    const functions = portal.portalTemplate.findResources('AWS::Lambda::Function');
    const pepperId = logicalId(portal.portal.secrets.pepper);
    const environments = Object.values(functions).map((fn) => JSON.stringify(fn.Properties.Environment ?? {}));
    const withPepper = environments.filter((env) => env.includes(pepperId));
    expect(withPepper.length).toBe(ROUTES.filter((route) => route.grants.pepper).length);
    for (const env of withPepper) expect(env).toMatch(/"PEPPER_SECRET_ARN":\{"Ref":"/);
    expect(environments.join()).not.toContain('SecretString');
  });
});

describe('functions', () => {
  it('runs every portal function on Node 24, arm64, with tracing and its own log group with retention', () => {
    const ids = ALL_FUNCTIONS.map((id) =>
      logicalId(
        id === 'SendEmail' ? portal.portal.email.sender.function : (portal.portal.api.functions[id]?.function as never),
      ),
    );
    const resources = portal.portalTemplate.toJSON().Resources;
    for (const id of ids) {
      const props = resources[id].Properties;
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      // API Gateway gives up after 30 s: a function must finish (or fail) before that.
      expect(props.Timeout).toBeLessThan(30);
      expect(props.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'breach-portal',
        POWERTOOLS_METRICS_NAMESPACE: 'BreachPortal',
        BREACH_CONFIG: '/var/task/breach.json',
        NODE_OPTIONS: '--enable-source-maps',
      });
      const logGroupId = props.LoggingConfig.LogGroup.Ref;
      expect(resources[logGroupId].Properties.RetentionInDays).toBe(90);
    }
  });

  it('caps the sender with reserved concurrency and reports partial batch failures', () => {
    const senderId = logicalId(portal.portal.email.sender.function);
    portal.portalTemplate.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      ReservedConcurrentExecutions: 2,
      Environment: { Variables: Match.objectLike({ SES_CONFIGURATION_SET: Match.anyValue() }) },
    });
    portal.portalTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: senderId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('guards every staff route with the Cognito JWT authorizer and leaves public routes open', () => {
    const routes = portal.portalTemplate.findResources('AWS::ApiGatewayV2::Route');
    const byKey = Object.fromEntries(Object.values(routes).map((r) => [r.Properties.RouteKey, r.Properties]));
    for (const route of ROUTES) {
      const props = byKey[`${route.method} ${route.path}`];
      expect(props).toBeDefined();
      expect({ route: route.id, auth: props.AuthorizationType }).toEqual({
        route: route.id,
        auth: route.access === 'staff' ? 'JWT' : 'NONE',
      });
    }
  });
});

describe('email', () => {
  it('encrypts the mail queue and its dead-letter queue with a customer-managed key', () => {
    const queues = portal.portalTemplate.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues)).toHaveLength(2);
    for (const queue of Object.values(queues)) expect(queue.Properties.KmsMasterKeyId).toBeDefined();
    portal.portalTemplate.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
    });
  });

  it('verifies the sender domain with DKIM and suppresses bounced and complaining addresses', () => {
    portal.portalTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.odido.nl',
      DkimAttributes: Match.absent(),
    });
    portal.portalTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });
});

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

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning', () => {
    expect(portal.nagErrors).toEqual([]);
    expect(portal.nagWarnings).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const reasons: string[] = [];
    const visit = (construct: IConstruct) => {
      for (const entry of construct.node.metadata) {
        if (entry.type === 'aws:cdk:acknowledged-rules')
          reasons.push(...Object.values(entry.data as Record<string, string>));
      }
      for (const child of construct.node.children) visit(child);
    };
    visit(portal.app);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason.length).toBeGreaterThanOrEqual(60);
  });
});
