import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { main } from '../../../functions/cli/main';
import { startSecretsManagerStandIn } from '../../support/secrets-manager-stand-in';
import { useImportWorkspace } from './import-workspace';

/*
 * Issue 15: `portal verify` compares an import's manifest with what the table answers, and the bad inputs of a
 * table import stop it before anything is written, with one line naming the problem and the fix.
 */

const workspace = useImportWorkspace('import-verify-');

async function cli(command: 'import' | 'verify', args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([command, ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const importTo = (table: string, extra: string[] = []) =>
  cli('import', [
    '--input',
    join(workspace.dir, 'breach.csv'),
    '--target',
    'local',
    '--endpoint',
    workspace.dynamo.endpoint,
    '--table',
    table,
    '--breach',
    'verify-test',
    '--rejects',
    join(workspace.dir, 'rejects.csv'),
    ...extra,
  ]);

const verify = () =>
  cli('verify', [
    '--manifest',
    join(workspace.dir, 'import-manifest.json'),
    '--table',
    workspace.dynamo.tableNames.exposures,
    '--target',
    'local',
    '--endpoint',
    workspace.dynamo.endpoint,
  ]);

async function itemCount(table: string): Promise<number> {
  return (await workspace.dynamo.rawClient.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;
}

describe('portal verify', () => {
  it('finds the sampled items and the item count the manifest names', async () => {
    const imported = await importTo(workspace.dynamo.tableNames.exposures);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('items written 10, retries 0');
    const result = await verify();
    expect(result.out).toContain('1 of 1 sampled items found');
    expect(result.out).toContain('10 stored for breach verify-test; the import produced 10 — equal');
    expect(result.code).toBe(0);
  });

  it('fails when a sampled item is not in the table', async () => {
    const manifest = JSON.parse(await readFile(join(workspace.dir, 'import-manifest.json'), 'utf8'));
    const [key] = manifest.sample;
    await workspace.dynamo.rawClient.send(
      new DeleteItemCommand({
        TableName: workspace.dynamo.tableNames.exposures,
        Key: { identifierHash: { S: key.identifierHash }, recordKey: { S: key.recordKey } },
      }),
    );
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/1 sampled items are missing/);
  });
});

describe('bad input stops a table import before it writes', () => {
  it('a table with another key schema', async () => {
    const before = await itemCount(workspace.dynamo.tableNames.tokens);
    const result = await importTo(workspace.dynamo.tableNames.tokens);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^Import failed \(table_key_schema\): The table .* has the keys \(tokenHash HASH\), not those of the exposures table \(identifierHash HASH, recordKey RANGE\): check --table\.$/,
    );
    expect(await itemCount(workspace.dynamo.tableNames.tokens)).toBe(before);
  });

  it('a table that does not exist', async () => {
    const result = await importTo('no-such-table');
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'Import failed (table_not_found): The table no-such-table does not exist: check --table (and the region).',
    );
  });

  it('a checkpoint left by another import', async () => {
    const checkpoint = join(workspace.dir, 'other-checkpoint.json');
    const other = { version: 1, identity: { input: '/elsewhere.csv' }, progress: { offset: 10 }, updatedAt: '' };
    await writeFile(checkpoint, JSON.stringify(other));
    const before = await itemCount(workspace.dynamo.tableNames.exposures);
    const result = await importTo(workspace.dynamo.tableNames.exposures, ['--checkpoint', checkpoint]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^Import failed \(checkpoint_mismatch\): The checkpoint .* belongs to another import \(input, .*\): finish that import/,
    );
    expect(await itemCount(workspace.dynamo.tableNames.exposures)).toBe(before);
  });
});

describe('--target aws, endpoints from the environment as the SDK reads them (the deploy rehearsal runs it so)', () => {
  const saved = { ...process.env };
  const pepperArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:pepper';
  let stopSecrets: () => Promise<void>;

  beforeAll(async () => {
    const secrets = await startSecretsManagerStandIn({
      [pepperArn]: 'A'.repeat(20) + 'b'.repeat(22) + 'C9'.repeat(11),
    });
    stopSecrets = secrets.stop;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: workspace.dynamo.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'stand-in',
      AWS_SECRET_ACCESS_KEY: 'stand-in',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await stopSecrets();
  });

  const importAws = (secretId: string) =>
    cli('import', [
      '--input',
      join(workspace.dir, 'breach.csv'),
      '--target',
      'aws',
      '--pepper-secret-id',
      secretId,
      '--table',
      workspace.dynamo.tableNames.exposures,
      '--breach',
      'aws-test',
      '--rejects',
      join(workspace.dir, 'aws-rejects.csv'),
    ]);

  it('imports through the table writer', async () => {
    const result = await importAws(pepperArn);
    expect(result.err).toBe('');
    expect(result.out).toContain('items written 10, retries 0');
  });

  it('stops before writing when the pepper secret does not exist', async () => {
    const before = await itemCount(workspace.dynamo.tableNames.exposures);
    const result = await importAws(`${pepperArn}-typo`);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `Import failed (bad_pepper): The secret ${pepperArn}-typo does not exist: pass the stack's PepperSecretArn output as --pepper-secret-id.`,
    );
    expect(await itemCount(workspace.dynamo.tableNames.exposures)).toBe(before);
  });
});
