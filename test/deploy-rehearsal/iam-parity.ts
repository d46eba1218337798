import type { RehearsalDeployment } from './rehearsal-deployment';
import type { TemplateNames } from './template-names';

/*
 * IAM parity (DESIGN §8): every AWS call a function made during the walk must be allowed by its synthesized
 * policy, and every grant in that policy must be used by some call — apart from the short allow-list below, each
 * with its reason. Grants are counted per (action, resource) pair as the template states them (wildcards
 * included); the table names resources by their logical ids.
 */

export interface Grant {
  action: string;
  resource: string;
}

export interface IamParityRow {
  functionId: string;
  /** Distinct "action resource" the function called. */
  calls: string[];
  granted: string[];
  /** Called but not allowed: the deployed function would get AccessDenied. */
  missing: string[];
  /** Allowed but never called and not on the allow-list. */
  unused: string[];
  /** Allowed, not called by the code, and allowed for a stated reason. */
  allowed: string[];
}

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: { AWS?: unknown };
}

/**
 * Grants no code path calls, and why they are right anyway. Nothing else may be granted without being called.
 */
export const ALLOWED_UNCALLED: { reason: string; matches(grant: Grant, calledKeys: Set<string>): boolean }[] = [
  {
    reason: 'the Lambda runtime writes the function’s logs and X-Ray segments with its role',
    matches: (grant) =>
      /^(logs:CreateLogStream|logs:PutLogEvents|xray:PutTraceSegments|xray:PutTelemetryRecords)$/.test(grant.action),
  },
  {
    reason: 'DynamoDB, SQS and Secrets Manager use the key that encrypts a resource on the caller’s behalf',
    matches: (grant, calledKeys) => grant.action.startsWith('kms:') && calledKeys.has(grant.resource),
  },
  {
    reason:
      'SqsEventSource grants Lambda’s poller these with the sender’s role: ChangeMessageVisibility for a failed message (the walk fails none), GetQueueUrl comes with that CDK grant',
    matches: (grant) => grant.action === 'sqs:ChangeMessageVisibility' || grant.action === 'sqs:GetQueueUrl',
  },
];

export function iamParity(deployment: RehearsalDeployment): IamParityRow[] {
  const { names } = deployment;
  return deployment.functions.map((fn) => {
    const grants = grantsOfRole(names, fn.roleLogicalId);
    const calls = deployment.recorder.calls.filter((call) => call.principal === fn.logicalId);
    const callPairs = calls.flatMap((call) => call.resources.map((resource) => ({ action: call.action, resource })));
    const isGranted = (pair: Grant) =>
      grants.some((grant) => wildcard(grant.action, pair.action) && wildcard(grant.resource, pair.resource));
    const used = (grant: Grant) =>
      callPairs.some((pair) => wildcard(grant.action, pair.action) && wildcard(grant.resource, pair.resource));
    const calledKeys = keysEncrypting(names, new Set(callPairs.map((pair) => pair.resource)));
    const label = (pair: Grant) => `${pair.action} ${names.describe(pair.resource)}`;
    const uncalled = grants.filter((grant) => !used(grant));
    const allowed = uncalled.filter((grant) => ALLOWED_UNCALLED.some((entry) => entry.matches(grant, calledKeys)));
    return {
      functionId: fn.id,
      calls: unique(callPairs.map(label)),
      granted: unique(grants.map(label)),
      missing: unique(callPairs.filter((pair) => !isGranted(pair)).map(label)),
      unused: unique(uncalled.filter((grant) => !allowed.includes(grant)).map(label)),
      allowed: unique(allowed.map(label)),
    };
  });
}

/** The role's policy statements and the KMS key-policy statements that name the role, as (action, resource) pairs. */
export function grantsOfRole(names: TemplateNames, roleId: string): Grant[] {
  const statements: PolicyStatement[] = [];
  for (const id of names.logicalIdsOfType('AWS::IAM::Policy')) {
    const properties = names.resource(id).Properties as {
      Roles: { Ref: string }[];
      PolicyDocument: { Statement: PolicyStatement[] };
    };
    if (properties.Roles.some((role) => role.Ref === roleId)) statements.push(...properties.PolicyDocument.Statement);
  }
  const grants: Grant[] = [];
  const add = (statement: PolicyStatement, resources: string[]) => {
    if (statement.Effect !== 'Allow') return;
    for (const action of [statement.Action].flat()) for (const resource of resources) grants.push({ action, resource });
  };
  for (const statement of statements)
    add(
      statement,
      [statement.Resource].flat().map((r) => names.resolve(r)),
    );
  const roleArn = names.getAtt(roleId, 'Arn');
  for (const keyId of names.logicalIdsOfType('AWS::KMS::Key')) {
    const policy = names.resource(keyId).Properties?.KeyPolicy as { Statement: PolicyStatement[] } | undefined;
    for (const statement of policy?.Statement ?? []) {
      const principals = [statement.Principal?.AWS ?? []].flat().map((p) => names.resolve(p));
      if (principals.includes(roleArn)) add(statement, [names.getAtt(keyId, 'Arn')]);
    }
  }
  return grants;
}

/** ARNs of the KMS keys that encrypt a table, queue or secret among `resources` (used on the caller's behalf). */
function keysEncrypting(names: TemplateNames, resources: Set<string>): Set<string> {
  const keys = new Set<string>();
  const keyProperty: Record<string, (p: Record<string, unknown>) => unknown> = {
    'AWS::DynamoDB::Table': (p) => (p.SSESpecification as { KMSMasterKeyId?: unknown } | undefined)?.KMSMasterKeyId,
    'AWS::SQS::Queue': (p) => p.KmsMasterKeyId,
    'AWS::SecretsManager::Secret': (p) => p.KmsKeyId,
  };
  for (const [id, resource] of Object.entries(names.template.Resources)) {
    const keyOf = keyProperty[resource.Type];
    const key = keyOf?.(resource.Properties ?? {});
    if (!keyOf || key === undefined) continue;
    const arns = [names.getAtt(id, 'Arn'), resource.Type === 'AWS::SecretsManager::Secret' ? names.ref(id) : ''];
    const called = [...resources].some((resource) =>
      arns.some((arn) => arn && (resource === arn || resource.startsWith(`${arn}/`))),
    );
    if (called) keys.add(names.resolve(key));
  }
  return keys;
}

/** Whether `grants` allow `action` on every one of `resources` (IAM's wildcards; conditions are not evaluated). */
export function allows(grants: Grant[], action: string, resources: string[]): boolean {
  return resources.every((resource) =>
    grants.some((grant) => wildcard(grant.action, action) && wildcard(grant.resource, resource)),
  );
}

function wildcard(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(value);
}

/** "dynamodb:Scan T", "dynamodb:Query T" → "T: dynamodb:Query, dynamodb:Scan": one line per resource. */
export function byResource(grants: string[]): string[] {
  const actions = new Map<string, string[]>();
  for (const grant of grants) {
    const [action = '', resource = ''] = grant.split(' ');
    actions.set(resource, [...(actions.get(resource) ?? []), action]);
  }
  return [...actions].map(([resource, list]) => `${resource}: ${list.join(', ')}`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** function × (calls made, granted, missing, granted-but-unused, allowed uncalled), counted in (action, resource) pairs. */
export function formatIamTable(rows: IamParityRow[]): string {
  const header = ['function', 'calls', 'granted', 'missing', 'unused', 'allowed'];
  const lines = rows.map((row) => [
    row.functionId,
    String(row.calls.length),
    String(row.granted.length),
    String(row.missing.length),
    String(row.unused.length),
    String(row.allowed.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}
