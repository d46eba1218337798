/*
 * The close-down plan (issue 15): at the closing date every resource that still holds breach-derived data must go —
 * including what CloudFormation keeps on purpose (DeletionPolicy Retain) and what it never knew about (exposures
 * tables orphaned by an ImportTable replacement, backups, the S3 import files, log groups of CDK's helper functions).
 * The plan is a bash script derived from the synthesized template, so it cannot forget a retained resource: a
 * retained type it does not know how to delete stops it. `portal close --dry-run` prints it (docs/deploy.md §10 is
 * that output); `portal close` runs it after the operator types the stack name.
 *
 * Order: the physical names of retained resources are looked up while the stack still exists; then `cdk destroy`
 * removes the portal (nothing can read or write the tables any more; the site bucket is emptied first; the Cognito
 * domain goes with the stack, so the retained user pool can be deleted after it); then the retained data.
 */

export interface CloseTemplate {
  Resources?: Record<string, { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> }>;
}

export interface ClosePlanInput {
  template: CloseTemplate;
  stackName: string;
  region: string;
  /** The `-c` arguments the stack was deployed with (config, stage, deploy config). */
  cdkContext: string[];
  importSource?: { bucketName: string; keyPrefix: string };
}

export class ClosePlanError extends Error {}

const RETAINED_KINDS: Record<string, { variable: string; what: string }> = {
  'AWS::DynamoDB::Table': { variable: 'TABLE', what: 'DynamoDB table' },
  'AWS::SecretsManager::Secret': { variable: 'SECRET', what: 'Secrets Manager secret' },
  'AWS::KMS::Key': { variable: 'KEY', what: 'KMS key' },
  'AWS::Cognito::UserPool': { variable: 'USER_POOL', what: 'Cognito user pool (staff accounts)' },
  'AWS::Logs::LogGroup': { variable: 'LOG_GROUP', what: 'CloudWatch log group' },
};

function variableName(type: string, logicalId: string): string {
  const kind = RETAINED_KINDS[type];
  if (!kind) throw new ClosePlanError(`no close-down step for retained ${type} ${logicalId}: add one to close-plan.ts`);
  return `${kind.variable}_${logicalId.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

export function renderClosePlan(input: ClosePlanInput): string {
  const { stackName, region } = input;
  const retained = Object.entries(input.template.Resources ?? {})
    .filter(([, resource]) => resource.DeletionPolicy === 'Retain')
    .map(([logicalId, resource]) => ({
      logicalId,
      type: resource.Type,
      variable: variableName(resource.Type, logicalId),
    }));
  const ofType = (type: string) => retained.filter((resource) => resource.type === type);
  const list = (type: string) =>
    ofType(type)
      .map((resource) => `"$${resource.variable}"`)
      .join(' ');

  const lines: string[] = [
    '#!/usr/bin/env bash',
    `# portal close — ${stackName} (${region}): deletes everything that still holds breach-derived data.`,
    '# Generated from the synthesized template by `portal close --dry-run`; run it with `portal close`.',
    'set -euo pipefail',
    `export AWS_REGION=${region}`,
    `STACK=${stackName}`,
    'physical_id() {',
    '  aws cloudformation describe-stack-resource --stack-name "$STACK" --logical-resource-id "$1" \\',
    '    --query StackResourceDetail.PhysicalResourceId --output text',
    '}',
    '',
    '# 1. Look up what CloudFormation retains, while the stack still names it:',
  ];
  for (const resource of retained) {
    const kind = RETAINED_KINDS[resource.type]?.what ?? resource.type;
    lines.push(`${resource.variable}=$(physical_id ${resource.logicalId})   # ${kind}`);
  }
  lines.push(
    '',
    '# 2. Remove the portal itself: API, functions, queues, alarms, WAF, the site (its bucket is emptied first) and',
    '#    the Cognito hosted-UI domain (a user pool cannot be deleted while it has one).',
    `npx cdk destroy --all --force ${input.cdkContext.join(' ')}`.trimEnd(),
    '',
    '# 3. Tables (hashed identifiers, tokens, counters, audit log, assist requests), with their on-demand backups;',
    '#    point-in-time recovery data goes with the table. Export what the DPO must keep (audit log) before this.',
    'delete_table() {',
    '  aws dynamodb update-table --table-name "$1" --no-deletion-protection-enabled > /dev/null',
    '  for backup in $(aws dynamodb list-backups --table-name "$1" --query "BackupSummaries[].BackupArn" --output text); do',
    '    aws dynamodb delete-backup --backup-arn "$backup" > /dev/null',
    '  done',
    '  aws dynamodb delete-table --table-name "$1" > /dev/null',
    '  echo "deleted table $1"',
    '}',
    `for table in ${list('AWS::DynamoDB::Table')}; do delete_table "$table"; done`,
    '',
    '# 4. Orphaned exposures tables: an ImportTable change replaces the table and CloudFormation retains the old one.',
    'for table in $(aws dynamodb list-tables --query "TableNames[?starts_with(@, \'$STACK-DataExposures\')]" --output text); do',
    '  delete_table "$table"',
    'done',
    '',
    '# 5. The S3 import files (route B): hashes, but no reason to keep a second copy.',
  );
  if (input.importSource) {
    lines.push(`aws s3 rm --recursive "s3://${input.importSource.bucketName}/${input.importSource.keyPrefix}"`);
  } else {
    lines.push('# none configured (no exposuresTable.importSource in the deploy configuration file)');
  }
  lines.push(
    '',
    '# 6. The pepper: without it, a hash left anywhere can no longer be matched to a person.',
    ...ofType('AWS::SecretsManager::Secret').map(
      (secret) =>
        `aws secretsmanager delete-secret --secret-id "$${secret.variable}" --force-delete-without-recovery > /dev/null`,
    ),
    '',
    '# 7. Staff accounts: the domain went with the stack; lift deletion protection, then delete the pool.',
  );
  for (const pool of ofType('AWS::Cognito::UserPool')) {
    const id = `"$${pool.variable}"`;
    lines.push(
      `domain=$(aws cognito-idp describe-user-pool --user-pool-id ${id} --query UserPool.Domain --output text)`,
      `if [ "$domain" != "None" ]; then aws cognito-idp delete-user-pool-domain --user-pool-id ${id} --domain "$domain"; fi`,
      `aws cognito-idp update-user-pool --user-pool-id ${id} --deletion-protection INACTIVE`,
      `aws cognito-idp delete-user-pool --user-pool-id ${id}`,
    );
  }
  lines.push(
    '',
    '# 8. Log groups: retained ones, and those of CDK helper functions (created on first run, never by the stack).',
    `for group in ${list('AWS::Logs::LogGroup')} $(aws logs describe-log-groups --log-group-name-prefix "/aws/lambda/$STACK-" --query "logGroups[].logGroupName" --output text); do`,
    '  aws logs delete-log-group --log-group-name "$group"',
    'done',
    '',
    '# 9. KMS keys, last (after 7 days nothing encrypted with them is readable, backups and exports included).',
    `for key in ${list('AWS::KMS::Key')}; do`,
    '  aws kms schedule-key-deletion --key-id "$key" --pending-window-in-days 7 > /dev/null',
    'done',
    '',
    'echo "Closed $STACK on $(date -u +%Y-%m-%dT%H:%MZ): write this in the incident file."',
    "# Not in AWS: the raw breach file, import output (--out), rejects and checkpoint files on the operator's machine,",
    "# and the SES domain's DNS records (DKIM CNAMEs) — remove those by hand.",
  );
  return `${lines.join('\n')}\n`;
}
