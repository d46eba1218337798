import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/*
 * The observability concern: the alarms an operator must hear about (server errors, throttling, mail that could
 * not be sent, a bounce rate that puts the SES account at risk) and one dashboard. Alarms carry metric names and
 * counts only; nothing in them identifies a customer.
 */

export interface PortalObservabilityProps {
  httpApi: HttpApi;
  functions: Record<string, IFunction>;
  deadLetterQueue: IQueue;
  outgoingMailQueue: IQueue;
  configurationSet: ConfigurationSet;
  alarmEmail?: string;
  /** Staff calls refused with 401/403, counted from the API access log (infra/api.ts). */
  staffRefusals?: Metric;
}

/** More refused staff calls in 5 minutes than a mistyped password or an expired session explains. */
export const STAFF_REFUSALS_ALARM_THRESHOLD = 10;

/** SES reviews an account above 5 % bounces and may pause it at 10 %: warn well before review. */
export const BOUNCE_RATE_ALARM_THRESHOLD = 0.04;

export class PortalObservability extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: PortalObservabilityProps) {
    super(scope, id);
    this.alarmTopic = new Topic(this, 'AlarmTopic', { enforceSSL: true, displayName: 'Breach portal alarms' });
    // enforceSSL gives the topic a resource policy holding only its Deny, and any topic policy replaces SNS's default
    // one (which let the owner account publish): without this Allow, CloudWatch may be refused and every alarm goes
    // unheard. Scoped to this account's alarms (confused-deputy guard); test it on day one (docs/deploy.md, step 3).
    const stack = Stack.of(this);
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisAccountsCloudWatchAlarms',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    const api5xx = props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' });
    this.addAlarm('Api5xx', api5xx, 5, 'API answered 5xx more than 5 times in 5 minutes');

    for (const [name, fn] of Object.entries(props.functions)) {
      this.addAlarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        1,
        `${name} was throttled (concurrency limit reached)`,
      );
      this.addAlarm(
        `${name}Errors`,
        fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        5,
        `${name} failed more than 5 times in 5 minutes`,
      );
    }

    const deadLetters = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    this.addAlarm('DeadLetters', deadLetters, 1, 'Mail could not be sent after 5 attempts (see the DLQ)');

    const mailAge = props.outgoingMailQueue.metricApproximateAgeOfOldestMessage({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    });
    this.addAlarm('MailBacklog', mailAge, 900, 'Confirmation mail waits longer than 15 minutes in the queue');

    const bounceRate = new Metric({
      namespace: 'AWS/SES',
      metricName: 'Reputation.BounceRate',
      period: Duration.hours(1),
      statistic: 'Maximum',
    });
    this.addAlarm('SesBounceRate', bounceRate, BOUNCE_RATE_ALARM_THRESHOLD, 'SES bounce rate above 4 %');
    const complaintRate = new Metric({
      namespace: 'AWS/SES',
      metricName: 'Reputation.ComplaintRate',
      period: Duration.hours(1),
      statistic: 'Maximum',
    });
    this.addAlarm('SesComplaintRate', complaintRate, 0.001, 'SES complaint rate above 0.1 %');

    if (props.staffRefusals) {
      this.addAlarm(
        'StaffRefusedAtGateway',
        props.staffRefusals,
        STAFF_REFUSALS_ALARM_THRESHOLD,
        'Staff API refused 10+ calls in 5 minutes (missing, expired or foreign tokens): someone may be probing the staff API',
      );
    }

    const requests = props.httpApi.metricCount({ period: Duration.minutes(1), statistic: 'Sum' });
    new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new GraphWidget({ title: 'API requests / 5xx', left: [requests], right: [api5xx] }),
          new GraphWidget({
            title: 'API latency p50/p99',
            left: [
              props.httpApi.metricLatency({ statistic: 'p50' }),
              props.httpApi.metricLatency({ statistic: 'p99' }),
            ],
          }),
        ],
        [
          new GraphWidget({ title: 'Mail queue age (s) / DLQ', left: [mailAge], right: [deadLetters] }),
          new GraphWidget({
            title: 'SES bounce / complaint rate (%)',
            left: [
              new MathExpression({
                expression: 'b * 100',
                usingMetrics: { b: bounceRate },
                label: 'bounce %',
                period: Duration.hours(1),
              }),
              new MathExpression({
                expression: 'c * 100',
                usingMetrics: { c: complaintRate },
                label: 'complaint %',
                period: Duration.hours(1),
              }),
            ],
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda errors',
            left: Object.values(props.functions).map((fn) => fn.metricErrors({ period: Duration.minutes(5) })),
          }),
          new GraphWidget({
            title: 'Lambda throttles',
            left: Object.values(props.functions).map((fn) => fn.metricThrottles({ period: Duration.minutes(5) })),
          }),
        ],
      ],
    });
  }

  /** Public so other concerns (infra/sms.ts) put their alarms on the same topic. */
  addAlarm(id: string, metric: Metric | MathExpression, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}
