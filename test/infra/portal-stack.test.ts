import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ROUTES } from '../../contract/routes';
import { TABLE_DEFINITIONS } from '../../contract/tables';
import { actionsOnResource, keyPolicyActionsFor } from './iam-statements';
import { logicalId, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The deployed portal as `cdk synth` builds it, with the REAL handler bundles: one synthesis for the whole file.
 * Each test names the property an operator or auditor relies on.
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal();
}, 120_000);

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
  // The deploy rehearsal (test/deploy-rehearsal) proves these are the calls the bundles make; here the template
  // must say exactly what routes.ts says, table by table.
  it('grants every function exactly the DynamoDB calls its route names, on exactly those tables', () => {
    for (const route of ROUTES) {
      for (const definition of TABLE_DEFINITIONS) {
        const calls = route.grants.tables?.[definition.key] ?? [];
        const expected = [
          ...new Set(calls.map((call) => `dynamodb:${call === 'QueryIndexes' ? 'Query' : call}`)),
        ].sort();
        const actions = actionsOnResource(portal.portalTemplate, roleOf(route.id), tableId(definition.key));
        expect({ route: route.id, table: definition.key, actions }).toEqual({
          route: route.id,
          table: definition.key,
          actions: expected,
        });
      }
    }
  });

  it('lets nobody Scan or write the exposures, public functions only count on the counters, CreateCheck re-read its token', () => {
    for (const id of ALL_FUNCTIONS) {
      const exposures = actionsOnResource(portal.portalTemplate, roleOf(id), tableId('exposures'));
      expect({ id, exposures }).toEqual({ id, exposures: exposures.length ? ['dynamodb:Query'] : [] });
    }
    // Counting is UpdateItem; only the two mail/text senders keep the per-mailbox rolling use-log (GetItem, PutItem).
    const useLogKeepers = new Set(['CreateCheck', 'StaffConfirmation']);
    for (const route of ROUTES) {
      const counters = actionsOnResource(portal.portalTemplate, roleOf(route.id), tableId('counters'));
      if (useLogKeepers.has(route.id)) {
        expect({ id: route.id, counters }).toEqual({
          id: route.id,
          counters: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        });
      } else if (route.access === 'public') {
        expect({ id: route.id, counters }).toEqual({ id: route.id, counters: ['dynamodb:UpdateItem'] });
      }
    }
    // The SDK retries a token write whose answer was lost; the store then reads its own item back.
    expect(actionsOnResource(portal.portalTemplate, roleOf('CreateCheck'), tableId('tokens'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    // The call-back queue counts each agent's reads (every page shown is someone's name and number).
    expect(actionsOnResource(portal.portalTemplate, roleOf('StaffListAssistRequests'), tableId('counters'))).toEqual([
      'dynamodb:UpdateItem',
    ]);
    // A refused claim reads the call-back to tell "claimed by someone else" from "not found".
    expect(
      actionsOnResource(portal.portalTemplate, roleOf('StaffUpdateAssistRequest'), tableId('assistRequests')),
    ).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    for (const id of ['StaffUpdateAssistRequest', 'StaffAudit']) {
      expect({ id, counters: actionsOnResource(portal.portalTemplate, roleOf(id), tableId('counters')) }).toEqual({
        id,
        counters: [],
      });
    }
  });

  it('grants the pepper, the mail queue and SES only the one call each function makes on them', () => {
    const secretId = logicalId(portal.portal.secrets.pepper);
    const queueId = logicalId(portal.portal.email.queue);
    for (const route of ROUTES) {
      const grants = {
        pepper: actionsOnResource(portal.portalTemplate, roleOf(route.id), secretId),
        queue: actionsOnResource(portal.portalTemplate, roleOf(route.id), queueId),
      };
      expect({ id: route.id, ...grants }).toEqual({
        id: route.id,
        pepper: route.grants.pepper ? ['secretsmanager:GetSecretValue'] : [],
        queue: route.grants.emailQueue ? ['sqs:SendMessage'] : [],
      });
    }
    const senderPolicy = JSON.stringify(portal.portalTemplate.findResources('AWS::IAM::Policy'));
    expect(senderPolicy).not.toContain('ses:SendRawEmail');
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

  it('caps the sender through its event source (no reserved concurrency) and reports partial batch failures', () => {
    const senderId = logicalId(portal.portal.email.sender.function);
    portal.portalTemplate.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      ReservedConcurrentExecutions: Match.absent(),
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
