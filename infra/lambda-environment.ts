import { ENV } from '../contract/lambda-environment';
import type { RouteDefinition } from '../contract/routes';
import type { TableKey, TableNames } from '../contract/tables';

/*
 * The environment each Lambda gets (the names are in contract/lambda-environment.ts, read by functions/wiring). A
 * function only gets the names of what its grants allow: a variable it may not use would only invite a confusing
 * AccessDenied. Values are names, URLs and ARNs — never a secret (the pepper is fetched from Secrets Manager by ARN).
 */

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
