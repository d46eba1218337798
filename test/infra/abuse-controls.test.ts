import type { IConstruct } from 'constructs';
import breachJson from '../../config/breach.json';
import { ENV } from '../../contract/lambda-environment';
import { ROUTES } from '../../contract/routes';
import { parseBreachConfig } from '../../functions/core/breach-config';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard';
import { STAFF_REFUSAL_FILTER, STAFF_REFUSAL_METRIC } from '../../infra/api';
import { actionsOnResource } from './iam-statements';
import { FIXTURE_HANDLER, logicalId, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * docs/security.md in the template: CloudFront proves itself to the API with the origin secret (never in clear in the
 * template), every HTTP function may read exactly that secret's value, the mail queues keep no job longer than a
 * token lives, and staff calls refused at the gateway are counted and alarmed.
 */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER });
}, 120_000);

const template = () => portal.portalTemplate;
const roleOf = (id: string) => logicalId(portal.portal.api.functions[id]?.function.role as unknown as IConstruct);

describe('origin verification (point 1)', () => {
  it('has CloudFront send the origin secret to the API as a dynamic reference, never the value', () => {
    const [distribution] = Object.values(template().findResources('AWS::CloudFront::Distribution'));
    const origins = distribution?.Properties.DistributionConfig.Origins as {
      Id: string;
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
    }[];
    const apiOrigins = origins.filter((origin) => origin.OriginCustomHeaders);
    expect(apiOrigins).toHaveLength(1);
    const header = apiOrigins[0]?.OriginCustomHeaders?.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    const secretId = logicalId(portal.portal.secrets.originSecret);
    expect(JSON.stringify(header?.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
    expect(JSON.stringify(header?.HeaderValue)).toContain(secretId);
  });

  it('generates the origin secret in Secrets Manager', () => {
    const secret = template().toJSON().Resources[logicalId(portal.portal.secrets.originSecret)];
    expect(secret.Type).toBe('AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
  });

  it('lets every HTTP function GetSecretValue on the origin secret, nothing more, and names it in its environment', () => {
    const secretId = logicalId(portal.portal.secrets.originSecret);
    for (const route of ROUTES) {
      expect({ route: route.id, actions: actionsOnResource(template(), roleOf(route.id), secretId) }).toEqual({
        route: route.id,
        actions: ['secretsmanager:GetSecretValue'],
      });
      const fn = template().toJSON().Resources[logicalId(portal.portal.api.functions[route.id]?.function as never)];
      expect(fn.Properties.Environment.Variables[ENV.originSecretArn]).toEqual({ Ref: secretId });
    }
    const senderRole = logicalId(portal.portal.email.sender.function.role as unknown as IConstruct);
    expect(actionsOnResource(template(), senderRole, secretId)).toEqual([]);
  });

  it('lets the results function read the pepper: its per-IP limit keys the counter with it', () => {
    const pepperId = logicalId(portal.portal.secrets.pepper);
    expect(actionsOnResource(template(), roleOf('RedeemResult'), pepperId)).toContain('secretsmanager:GetSecretValue');
  });
});

describe('tokens in the queue (point 5)', () => {
  it('keeps no mail job, in the queue or the dead-letter queue, longer than a token lives', () => {
    const tokenSeconds = parseBreachConfig(breachJson).retention.tokenHours * 60 * 60;
    const queues = Object.values(template().findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const queue of queues) {
      expect(queue.Properties.MessageRetentionPeriod).toBeLessThanOrEqual(tokenSeconds);
      expect(queue.Properties.KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [logicalId(portal.portal.email.queueKey), 'Arn'],
      });
    }
  });
});

describe('refused staff calls (point 8)', () => {
  it('counts 401/403 answers on staff routes from the access log and alarms on them', () => {
    const filters = Object.values(template().findResources('AWS::Logs::MetricFilter'));
    expect(filters).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({
          FilterPattern: STAFF_REFUSAL_FILTER,
          MetricTransformations: [
            expect.objectContaining({
              MetricNamespace: STAFF_REFUSAL_METRIC.namespace,
              MetricName: STAFF_REFUSAL_METRIC.name,
            }),
          ],
        }),
      }),
    ]);
    const alarms = Object.values(template().findResources('AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties.MetricName === STAFF_REFUSAL_METRIC.name,
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.Properties.AlarmActions).toHaveLength(1);
  });

  it('writes the route key and status the filter reads into the access log', () => {
    const [stage] = Object.values(template().findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
  });
});
