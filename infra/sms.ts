import { Duration, Stack } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnConfigurationSet, CfnProtectConfiguration, CfnSenderId } from 'aws-cdk-lib/aws-smsvoice';
import { Construct } from 'constructs';
import { getCountries } from 'libphonenumber-js';
import { ENV } from '../contract/lambda-environment';
import type { SmsConfig } from '../functions/core/sms/sms-config';
import type { PortalObservability } from './observability';

/*
 * The SMS concern (DESIGN §9): AWS End User Messaging SMS ("aws-smsvoice") for the texts of phone checks, sent by the
 * same queue consumer as the mail (functions/handlers/send-email.ts).
 *
 * - Protect configuration: every country BLOCKed for SMS except `sms.countries` — the account-side twin of the
 *   portal's own number check, so even a bug or a stolen sender role cannot pump texts to premium destinations
 *   abroad. It lists every ISO region libphonenumber knows, because a country left out of a rule set is allowed.
 * - Configuration set, associated with that protect configuration, with the sender id as its default. It has no
 *   event destination on purpose: SMS delivery events carry the destination number, which must not land in
 *   CloudWatch Logs, SNS or Firehose (DESIGN §2.6); failures are counted by the sender instead (SmsSendFailed).
 * - One sender id per allowed country (alphanumeric, one-way; see docs/deploy.md for the Dutch rules).
 * - The sender may call sms-voice:SendTextMessage on exactly that configuration set and those sender ids.
 * - Alarms: send failures, the day's budget spent (phone checks refused), and 80 % of the budget sent.
 */

export interface PortalSmsProps {
  sms: SmsConfig;
  /** The queue consumer that sends mail and texts. */
  sender: LambdaFunction;
  observability: PortalObservability;
  metricsNamespace: string;
  serviceName: string;
}

// In libphonenumber's list but not ISO 3166-1 codes End User Messaging takes (Ascension, Tristan da Cunha, Kosovo).
const NOT_ISO_REGIONS = new Set(['AC', 'TA', 'XK']);

/** The protect configuration's SMS rules: ALLOW for the configured countries, BLOCK for every other one. */
export function smsCountryRules(allowed: readonly string[]): CfnProtectConfiguration.CountryRuleProperty[] {
  return getCountries()
    .filter((country) => !NOT_ISO_REGIONS.has(country))
    .map((countryCode) => ({ countryCode, protectStatus: allowed.includes(countryCode) ? 'ALLOW' : 'BLOCK' }));
}

export class PortalSms extends Construct {
  readonly configurationSet: CfnConfigurationSet;
  readonly protectConfiguration: CfnProtectConfiguration;
  readonly senderIds: CfnSenderId[];

  constructor(scope: Construct, id: string, props: PortalSmsProps) {
    super(scope, id);
    const { sms } = props;
    this.protectConfiguration = new CfnProtectConfiguration(this, 'ProtectConfiguration', {
      countryRuleSet: { sms: smsCountryRules(sms.countries) },
      deletionProtectionEnabled: false,
    });
    const configurationSetName = `${Stack.of(this).stackName}-portal-sms`;
    this.configurationSet = new CfnConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName,
      defaultSenderId: sms.senderId,
      protectConfigurationId: this.protectConfiguration.attrProtectConfigurationId,
    });
    this.senderIds = sms.countries.map(
      (isoCountryCode) =>
        new CfnSenderId(this, `SenderId${isoCountryCode}`, { senderId: sms.senderId, isoCountryCode }),
    );

    props.sender.addEnvironment(ENV.smsConfigurationSet, configurationSetName);
    // Only the one call the sender makes, only through the portal's configuration set and sender ids.
    props.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [this.configurationSet.attrArn, ...this.senderIds.map((senderId) => senderId.attrArn)],
      }),
    );

    const portalMetric = (metricName: string, route: string, period: Duration) =>
      new Metric({
        namespace: props.metricsNamespace,
        metricName,
        dimensionsMap: { service: props.serviceName, route },
        period,
        statistic: 'Sum',
      });
    const { observability } = props;
    observability.addAlarm(
      'SmsSendFailed',
      portalMetric('SmsSendFailed', 'SendEmail', Duration.minutes(5)),
      5,
      'SendTextMessage failed 5 times in 5 minutes (the queue retries; see the DLQ alarm)',
    );
    observability.addAlarm(
      'SmsBudgetSpent',
      portalMetric('Error_sms_budget_exhausted', 'CreateCheck', Duration.minutes(5)),
      1,
      "Today's SMS budget is spent: every phone check is refused until midnight UTC",
    );
    const sentToday = new MathExpression({
      expression: 'affected + notFound',
      usingMetrics: {
        affected: portalMetric('SmsSentAffected', 'SendEmail', Duration.days(1)),
        notFound: portalMetric('SmsSentNotFound', 'SendEmail', Duration.days(1)),
      },
      period: Duration.days(1),
      label: 'Texts sent per day',
    });
    observability.addAlarm(
      'SmsBudgetNear',
      sentToday,
      Math.ceil(sms.dailyBudget * 0.8),
      `80 % of the daily SMS budget (${sms.dailyBudget}) sent in one day`,
    );
  }
}
