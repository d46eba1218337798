import { allows, byResource } from './iam-parity';
import { TemplateNames, UnresolvedIntrinsicError } from './template-names';

/*
 * The two halves of the IAM comparison: template intrinsics resolved to the ARNs a request names, and IAM's
 * wildcard matching of (action, resource) — a call on two resources (SES: identity and configuration set) needs both.
 */

const names = new TemplateNames(
  {
    Resources: {
      Tokens: { Type: 'AWS::DynamoDB::Table' },
      Mail: { Type: 'AWS::SQS::Queue' },
      Key: { Type: 'AWS::KMS::Key' },
      Topic: { Type: 'AWS::SNS::Topic' },
      SmsSet: { Type: 'AWS::SMSVOICE::ConfigurationSet', Properties: { ConfigurationSetName: 'Stack-portal-sms' } },
      SmsSenderNL: { Type: 'AWS::SMSVOICE::SenderId', Properties: { SenderId: 'ODIDO', IsoCountryCode: 'NL' } },
      SmsProtect: { Type: 'AWS::SMSVOICE::ProtectConfiguration' },
    },
  },
  'Stack',
  'eu-west-1',
);
names.sqsEndpoint = 'http://127.0.0.1:9';

it('resolves Ref, Fn::GetAtt and Fn::Join to the physical names and ARNs, and refuses what it cannot name', () => {
  const join = { 'Fn::Join': ['', ['{"tokens":"', { Ref: 'Tokens' }, '"}']] };
  expect(names.resolve(join)).toBe('{"tokens":"Stack-Tokens"}');
  expect(names.resolve({ 'Fn::GetAtt': ['Tokens', 'Arn'] })).toBe(
    'arn:aws:dynamodb:eu-west-1:000000000000:table/Stack-Tokens',
  );
  expect(names.resolve({ Ref: 'Mail' })).toBe('http://127.0.0.1:9/000000000000/Stack-Mail');
  expect(names.resolve({ 'Fn::GetAtt': ['Key', 'Arn'] })).toMatch(
    /^arn:aws:kms:eu-west-1:000000000000:key\/[0-9a-f-]{36}$/,
  );
  expect(names.describe(`${names.getAtt('Tokens', 'Arn')}/index/byStatus`)).toBe('Tokens/index/byStatus');
  expect(() => names.resolve({ Ref: 'Topic' })).toThrow(UnresolvedIntrinsicError);
  expect(() => names.resolve({ 'Fn::Split': [',', 'a,b'] })).toThrow(UnresolvedIntrinsicError);
});

it('names the End User Messaging SMS resources as the service does: the ARNs SendTextMessage is authorised on', () => {
  expect(names.resolve({ 'Fn::GetAtt': ['SmsSet', 'Arn'] })).toBe(
    'arn:aws:sms-voice:eu-west-1:000000000000:configuration-set/Stack-portal-sms',
  );
  expect(names.resolve({ 'Fn::GetAtt': ['SmsSenderNL', 'Arn'] })).toBe(
    'arn:aws:sms-voice:eu-west-1:000000000000:sender-id/ODIDO/NL',
  );
  expect(names.resolve({ 'Fn::GetAtt': ['SmsProtect', 'ProtectConfigurationId'] })).toMatch(/^protect-[0-9a-f]{32}$/);
  expect(names.describe('arn:aws:sms-voice:eu-west-1:000000000000:sender-id/ODIDO/NL')).toBe('SmsSenderNL');
});

it('matches actions and resources with IAM wildcards, and needs every resource of a call allowed', () => {
  const table = 'arn:aws:dynamodb:eu-west-1:000000000000:table/T';
  const grants = [
    { action: 'dynamodb:Query', resource: `${table}/index/*` },
    { action: 'kms:GenerateDataKey*', resource: 'arn:aws:kms:eu-west-1:000000000000:key/k' },
    { action: 'ses:SendEmail', resource: 'arn:aws:ses:eu-west-1:000000000000:identity/example.nl' },
  ];
  expect(allows(grants, 'dynamodb:Query', [`${table}/index/byStatus`])).toBe(true);
  expect(allows(grants, 'dynamodb:Query', [table])).toBe(false);
  expect(allows(grants, 'kms:GenerateDataKeyWithoutPlaintext', ['arn:aws:kms:eu-west-1:000000000000:key/k'])).toBe(
    true,
  );
  expect(allows(grants, 'kms:Decrypt', ['arn:aws:kms:eu-west-1:000000000000:key/k'])).toBe(false);
  const configurationSet = 'arn:aws:ses:eu-west-1:000000000000:configuration-set/portal';
  expect(
    allows(grants, 'ses:SendEmail', ['arn:aws:ses:eu-west-1:000000000000:identity/example.nl', configurationSet]),
  ).toBe(false);
  expect(byResource(['dynamodb:Scan T', 'dynamodb:Query T', 'kms:Decrypt K'])).toEqual([
    'T: dynamodb:Scan, dynamodb:Query',
    'K: kms:Decrypt',
  ]);
});
