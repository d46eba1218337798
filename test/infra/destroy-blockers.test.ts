import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CloseTemplate, renderClosePlan } from '../../functions/cli/close-plan';
import { main } from '../../functions/cli/main';
import { FIXTURE_HANDLER, PROJECT_ROOT, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * Issue 15: the close-down really deletes. `cdk destroy` must complete (a bucket with objects or a user pool with a
 * domain would stop it), and `portal close` must delete what the stack retains on purpose. The plan is checked
 * against the synthesized template, run against a stand-in `aws`/`npx` that records every call, and
 * docs/deploy.md §10 must be exactly its dry-run output.
 */

const run = promisify(execFile);
let portal: SynthesizedPortal;
let template: CloseTemplate & {
  Resources: Record<string, { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> }>;
};
let dir: string;

beforeAll(async () => {
  portal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER });
  template = portal.portalTemplate.toJSON() as typeof template;
  dir = await mkdtemp(join(tmpdir(), 'portal-close-'));
  await writeFile(join(dir, 'BreachPortal-prod.template.json'), JSON.stringify(template));
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const resourcesOf = (type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

async function dryRun(): Promise<string> {
  const lines: string[] = [];
  const code = await main(['close', '--template', join(dir, 'BreachPortal-prod.template.json'), '--dry-run'], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  });
  expect(code).toBe(0);
  return `${lines.join('\n')}\n`;
}

describe('cdk destroy completes', () => {
  it('empties every bucket the stack deletes before deleting it', () => {
    const buckets = resourcesOf('AWS::S3::Bucket').filter(([, bucket]) => bucket.DeletionPolicy !== 'Retain');
    expect(buckets.length).toBeGreaterThan(0);
    const emptied = resourcesOf('Custom::S3AutoDeleteObjects').map(([, resource]) =>
      JSON.stringify(resource.Properties?.BucketName),
    );
    for (const [logicalId] of buckets) expect(emptied).toContain(JSON.stringify({ Ref: logicalId }));
  });

  it('removes the Cognito domain with the stack, so the retained user pool can be deleted after it', () => {
    const [domain] = resourcesOf('AWS::Cognito::UserPoolDomain');
    expect(domain?.[1].DeletionPolicy).toBeUndefined();
    expect(resourcesOf('AWS::Cognito::UserPool').map(([, pool]) => pool.DeletionPolicy)).toEqual(['Retain']);
  });
});

describe('portal close', () => {
  it('plans the deletion of every resource the stack retains, after cdk destroy', async () => {
    const plan = await dryRun();
    const retained = Object.entries(template.Resources).filter(([, resource]) => resource.DeletionPolicy === 'Retain');
    expect(retained.length).toBeGreaterThanOrEqual(10);
    for (const [logicalId] of retained) expect(plan).toContain(`physical_id ${logicalId})`);
    expect(plan.indexOf('npx cdk destroy')).toBeLessThan(plan.indexOf('delete_table "$table"'));
    expect(plan).toContain("starts_with(@, '$STACK-DataExposures')");
    expect(plan).toContain('--force-delete-without-recovery');
  });

  it('refuses a retained resource type it has no deletion step for', () => {
    const withUnknown = {
      Resources: { ...template.Resources, Odd: { Type: 'AWS::EFS::FileSystem', DeletionPolicy: 'Retain' } },
    };
    expect(() =>
      renderClosePlan({ template: withUnknown, stackName: 'BreachPortal-prod', region: 'eu-west-1', cdkContext: [] }),
    ).toThrow(/AWS::EFS::FileSystem Odd/);
  });

  it('is what docs/deploy.md shows in its close-down section', async () => {
    const doc = await readFile(join(PROJECT_ROOT, 'docs', 'deploy.md'), 'utf8');
    const block =
      /<!-- portal close --dry-run: begin -->\n```sh\n([\s\S]*?)```\n<!-- portal close --dry-run: end -->/.exec(doc);
    expect(block?.[1]).toBe(await dryRun());
  });

  it('runs the plan only after confirmation, deleting every retained resource in order', async () => {
    const log = join(dir, 'calls.log');
    const bin = join(dir, 'bin');
    await run('mkdir', ['-p', bin]);
    // Stand-ins for the AWS CLI and npx: record the call, answer what the plan reads.
    const standIn = `#!/usr/bin/env bash
echo "$(basename "$0") $*" >> ${log}
case "$*" in
  *describe-stack-resource*) echo "id-\${6}" ;;
  *describe-user-pool\\ *) echo "None" ;;
esac
`;
    for (const name of ['aws', 'npx']) {
      await writeFile(join(bin, name), standIn);
      await chmod(join(bin, name), 0o755);
    }
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const cli = [
      join(PROJECT_ROOT, 'bin', 'portal.mjs'),
      'close',
      '--template',
      join(dir, 'BreachPortal-prod.template.json'),
    ];
    await expect(run(process.execPath, [...cli, '--confirm', 'BreachPortal-acc'], { env })).rejects.toMatchObject({
      code: 1,
    });
    await expect(readFile(log, 'utf8')).rejects.toThrow();

    await run(process.execPath, [...cli, '--confirm', 'BreachPortal-prod'], { env });
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    const index = (pattern: RegExp) => calls.findIndex((call) => pattern.test(call));
    const tables = resourcesOf('AWS::DynamoDB::Table').map(([logicalId]) => logicalId);
    for (const logicalId of tables) {
      expect(
        index(new RegExp(`update-table --table-name id-${logicalId} --no-deletion-protection-enabled`)),
      ).toBeGreaterThan(index(/^npx cdk destroy --all --force/));
      expect(index(new RegExp(`delete-table --table-name id-${logicalId}$`))).toBeGreaterThan(
        index(new RegExp(`update-table --table-name id-${logicalId}`)),
      );
    }
    expect(calls.filter((call) => call.includes('schedule-key-deletion'))).toHaveLength(
      resourcesOf('AWS::KMS::Key').filter(([, key]) => key.DeletionPolicy === 'Retain').length,
    );
    expect(index(/delete-secret --secret-id id-SecretsPepper/)).toBeGreaterThan(0);
    expect(index(/delete-user-pool --user-pool-id id-StaffAuthUserPool/)).toBeGreaterThan(
      index(/deletion-protection INACTIVE/),
    );
    expect(index(/delete-log-group --log-group-name id-ApiAccessLogs/)).toBeGreaterThan(0);
  }, 60_000);
});
