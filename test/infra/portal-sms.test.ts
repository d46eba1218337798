import { readFileSync } from 'node:fs';
import type { IConstruct } from 'constructs';
import { breachConfigPathFromEnv } from '../../functions/config/load-breach-config';
import { parseBreachConfig } from '../../functions/core/breach-config';
import { smsCountryRules } from '../../infra/sms';
import { actionsOnResource } from './iam-statements';
import { FIXTURE_HANDLER, logicalId, type SynthesizedPortal, synthPortal } from './synth-portal';

/* The SMS concern as synthesized (issue 14): End User Messaging resources, the sender's exact grant, alarms. */

let portal: SynthesizedPortal;

beforeAll(() => {
  portal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER });
}, 120_000);

// The config a deployed function loads (functions/wiring/deployed-services.ts), read synchronously for describe time.
const demoConfig = parseBreachConfig(JSON.parse(readFileSync(breachConfigPathFromEnv(), 'utf8')));
const sms = demoConfig.sms;
if (!sms) throw new Error('the demo config enables the phone route');

function resources(type: string) {
  return Object.entries(portal.portalTemplate.findResources(type));
}

it('blocks SMS to every country but the configured ones in a protect configuration on the configuration set', () => {
  const [[protectId, protect] = []] = resources('AWS::SMSVOICE::ProtectConfiguration');
  const rules = protect?.Properties.CountryRuleSet.SMS as { CountryCode: string; ProtectStatus: string }[];
  expect(rules.filter((rule) => rule.ProtectStatus === 'ALLOW').map((rule) => rule.CountryCode)).toEqual(sms.countries);
  expect(rules.length).toBeGreaterThan(200);
  expect(rules.find((rule) => rule.CountryCode === 'BE')?.ProtectStatus).toBe('BLOCK');

  const [[, configurationSet] = []] = resources('AWS::SMSVOICE::ConfigurationSet');
  expect(configurationSet?.Properties).toMatchObject({
    DefaultSenderId: sms.senderId,
    ProtectConfigurationId: { 'Fn::GetAtt': [protectId, 'ProtectConfigurationId'] },
  });
  // No event destination: delivery events name the destination number (DESIGN §2.6).
  expect(configurationSet?.Properties.EventDestinations).toBeUndefined();
  expect(resources('AWS::SMSVOICE::SenderId').map(([, senderId]) => senderId.Properties)).toEqual(
    sms.countries.map((country) => expect.objectContaining({ SenderId: sms.senderId, IsoCountryCode: country })),
  );
});

it('lets only the sender call sms-voice:SendTextMessage, only on the configuration set and sender id', () => {
  const sender = portal.portal.email.sender.function;
  const senderRole = logicalId(sender.role as unknown as IConstruct);
  const [[configurationSetId] = []] = resources('AWS::SMSVOICE::ConfigurationSet');
  const [[senderIdId] = []] = resources('AWS::SMSVOICE::SenderId');
  expect(actionsOnResource(portal.portalTemplate, senderRole, configurationSetId ?? '')).toEqual([
    'sms-voice:SendTextMessage',
  ]);
  expect(actionsOnResource(portal.portalTemplate, senderRole, senderIdId ?? '')).toEqual(['sms-voice:SendTextMessage']);
  const smsStatements = JSON.stringify(portal.portalTemplate.findResources('AWS::IAM::Policy')).match(
    /sms-voice:[A-Za-z*]+/g,
  );
  expect(smsStatements).toEqual(['sms-voice:SendTextMessage']);

  const environment =
    portal.portalTemplate.toJSON().Resources[logicalId(sender as unknown as IConstruct)].Properties.Environment
      .Variables;
  expect(environment.SMS_CONFIGURATION_SET).toEqual(expect.stringContaining('portal-sms'));
});

it('alarms on send failures, a spent budget and 80 % of the budget', () => {
  const alarms = resources('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
  const named = (metricName: string) =>
    alarms.find((alarm) => JSON.stringify(alarm).includes(`"${metricName}"`)) as Record<string, unknown> | undefined;
  expect(named('SmsSendFailed')).toMatchObject({ Threshold: 5 });
  expect(named('Error_sms_budget_exhausted')).toMatchObject({ Threshold: 1 });
  expect(named('SmsSentAffected')).toMatchObject({ Threshold: Math.ceil(sms.dailyBudget * 0.8) });
});

it('builds the country rules from the config alone', () => {
  const rules = smsCountryRules(['NL', 'BE']);
  expect(rules.filter((rule) => rule.protectStatus === 'ALLOW').map((rule) => rule.countryCode)).toEqual(['BE', 'NL']);
  expect(rules.some((rule) => rule.countryCode === 'XK')).toBe(false);
});

it('adds no cdk-nag finding and no template validation warning', () => {
  expect(portal.nagErrors).toEqual([]);
  expect(portal.nagWarnings.filter((warning) => warning.includes('/Sms/'))).toEqual([]);
});
