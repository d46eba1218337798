import type { TableKey, TableNames } from '../functions/adapters/dynamodb/table-definitions';
import type { RouteDefinition } from './routes';

/*
 * The environment variables the Lambdas read (functions/production.ts is their one reader). A function only gets
 * the names of what its grants allow: a variable it may not use would only invite a confusing AccessDenied.
 * Values are names, URLs and ARNs — never a secret (the pepper is fetched from Secrets Manager by ARN).
 */

export const ENV = {
  tableNames: 'TABLE_NAMES',
  pepperSecretArn: 'PEPPER_SECRET_ARN',
  emailQueueUrl: 'EMAIL_QUEUE_URL',
  assistRequestKeyId: 'ASSIST_REQUEST_KEY_ID',
  origin: 'PORTAL_ORIGIN',
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  staffClientId: 'STAFF_CLIENT_ID',
  /** The sender's End User Messaging configuration set (infra/sms.ts); the sender id comes from the breach config. */
  smsConfigurationSet: 'SMS_CONFIGURATION_SET',
  /**
   * Not set by the stack: the SDK's own endpoint override for the SMS client, which the deploy rehearsal sets to point
   * the synthesized sender at an SMS stand-in (functions/production.ts builds that client without an endpoint).
   */
  smsEndpointOverride: 'AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2',
  originSecretArn: 'ORIGIN_SECRET_ARN',
} as const;

export interface DeployedResourceNames {
  tableNames: TableNames;
  pepperSecretArn: string;
  emailQueueUrl: string;
  assistRequestKeyId: string;
  origin: string;
  staffUserPoolId: string;
  staffClientId: string;
  /** The secret CloudFront sends in x-portal-origin-verify; every HTTP function checks it (origin-guard.ts). */
  originSecretArn: string;
}

export function environmentForGrants(
  grants: RouteDefinition['grants'],
  access: RouteDefinition['access'] | 'internal',
  names: DeployedResourceNames,
): Record<string, string> {
  const tables = Object.keys(grants.tables ?? {}) as TableKey[];
  const environment: Record<string, string> = { [ENV.origin]: names.origin };
  if (tables.length > 0) {
    // JSON of only the granted tables: { "exposures": "Portal-DataExposures…", … }.
    environment[ENV.tableNames] = JSON.stringify(Object.fromEntries(tables.map((key) => [key, names.tableNames[key]])));
  }
  if (grants.pepper) environment[ENV.pepperSecretArn] = names.pepperSecretArn;
  if (grants.emailQueue) environment[ENV.emailQueueUrl] = names.emailQueueUrl;
  if (grants.kms) environment[ENV.assistRequestKeyId] = names.assistRequestKeyId;
  if (access !== 'internal') environment[ENV.originSecretArn] = names.originSecretArn;
  if (access === 'staff') {
    environment[ENV.staffUserPoolId] = names.staffUserPoolId;
    environment[ENV.staffClientId] = names.staffClientId;
  }
  return environment;
}
