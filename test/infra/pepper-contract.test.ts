import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { main } from '../../functions/cli/main';
import { hashIdentifier, type Pepper } from '../../functions/core/identifier-hash';
import { normaliseEmail } from '../../functions/core/identifiers';
import { DEFAULT_COLUMNS } from '../../functions/import/import-columns';
import { loadOrCreateLocalPepper, PEPPER_FILE_NAME } from '../../functions/local/local-pepper';
import { secretsManagerPepper } from '../../functions/wiring/deployed-services';
import { type GenerateSecretString, generateLikeSecretsManager } from '../support/generate-secret-string';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from '../support/secrets-manager-stand-in';
import { startDynamo, type TestDynamo } from '../support/start-dynamo';
import { logicalId, synthPortal } from './synth-portal';

/*
 * The one pepper contract, held against what `cdk deploy` really creates: the pepper secret's GenerateSecretString is
 * read from the synthesized template, a secret is generated in exactly that format, and every reader of the pepper
 * must hash a known address to the same value — the Lambdas (functions/wiring, through the real Secrets Manager SDK
 * client against a wire-protocol stand-in), `portal import` with --pepper-file and with --pepper-secret-id for every
 * target, and the local stack's pepper file. One reader decoding differently (e.g. "looks like base64") once told
 * every affected customer they were not affected.
 */

const ADDRESS = 'Anna.Bakker@Example.nl';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:PortalPepper-AbCdEf';

const CSV = `${DEFAULT_COLUMNS.join(',')}\n,Anna Bakker,,,,,,${ADDRESS},,,,,\n`;

let dir: string;
let secretString: string;
let secrets: SecretsManagerStandIn;
let dynamo: TestDynamo;
const previousEnv = { ...process.env };

beforeAll(async () => {
  // No bundling: only the secret's definition is read, and esbuild for every function would cost a minute of CPU.
  const portal = synthPortal({ 'aws:cdk:bundling-stacks': [] });
  const secret = portal.portalTemplate.toJSON().Resources[logicalId(portal.portal.secrets.pepper)];
  const options = secret.Properties.GenerateSecretString as GenerateSecretString;
  secretString = generateLikeSecretsManager(options);

  [secrets, dynamo] = await Promise.all([startSecretsManagerStandIn({ [SECRET_ARN]: secretString }), startDynamo()]);
  dir = await mkdtemp(join(tmpdir(), 'pepper-contract-'));
  await writeFile(join(dir, 'breach.csv'), CSV);
  // A pepper file as the operator writes it: the secret's text on one line (`aws … --output text > pepper.txt`).
  await writeFile(join(dir, 'pepper.txt'), `${secretString}\n`);
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'stand-in',
    AWS_SECRET_ACCESS_KEY: 'stand-in',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    PEPPER_SECRET_ARN: SECRET_ARN,
    LOCAL_DIR: join(dir, 'local'),
  });
  delete process.env.AWS_PROFILE;
}, 120_000);

afterAll(async () => {
  process.env = previousEnv;
  await Promise.all([secrets?.stop(), dynamo?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runImport(breachId: string, args: string[]): Promise<void> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const common = ['--input', join(dir, 'breach.csv'), '--breach', breachId, '--rejects', join(dir, `${breachId}.csv`)];
  const code = await main(['import', ...common, ...args], io);
  expect({ code, log: lines.join('\n') }).toEqual({ code: 0, log: expect.stringContaining('identifiers 1,') });
}

async function hashesInFiles(outDir: string): Promise<string[]> {
  const files = await readdir(join(outDir, 'data'));
  const lines = await Promise.all(
    files.map(async (file) => gunzipSync(await readFile(join(outDir, 'data', file))).toString()),
  );
  return lines
    .flatMap((text) => text.split('\n').filter(Boolean))
    .map((line) => JSON.parse(line).Item.identifierHash.S);
}

async function hashesInTable(breachId: string): Promise<string[]> {
  const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: dynamo.tableNames.exposures }));
  return Items.filter((item) => item.breachId === breachId).map((item) => item.identifierHash as string);
}

const hashOf = (pepper: Pepper) => hashIdentifier(pepper, 'email', normaliseEmail(ADDRESS));

describe('the pepper contract: a secret in the template’s GenerateSecretString format, through every reader', () => {
  let lambdaHash: string;

  beforeAll(async () => {
    lambdaHash = hashOf(await secretsManagerPepper());
  });

  it('the Lambdas read it from Secrets Manager with the real SDK client (through the stand-in)', () => {
    expect(secrets.calls).toContainEqual({ operation: 'GetSecretValue', secretId: SECRET_ARN });
    // The key is the text's UTF-8 bytes: a known reference, so no two readers can agree on a wrong key.
    expect(lambdaHash).toBe(hashOf(new TextEncoder().encode(secretString)));
  });

  it('portal import --target s3-files --pepper-file gives the Lambdas’ hash', async () => {
    await runImport('file', [
      '--target',
      's3-files',
      '--out',
      join(dir, 'out-file'),
      '--pepper-file',
      join(dir, 'pepper.txt'),
    ]);
    expect(await hashesInFiles(join(dir, 'out-file'))).toEqual([lambdaHash]);
  });

  it('portal import --target s3-files --pepper-secret-id gives the Lambdas’ hash', async () => {
    await runImport('secret', [
      '--target',
      's3-files',
      '--out',
      join(dir, 'out-secret'),
      '--pepper-secret-id',
      SECRET_ARN,
    ]);
    expect(await hashesInFiles(join(dir, 'out-secret'))).toEqual([lambdaHash]);
  });

  it('portal import --target aws --pepper-secret-id gives the Lambdas’ hash in the table', async () => {
    await runImport('aws', [
      '--target',
      'aws',
      '--pepper-secret-id',
      SECRET_ARN,
      '--table',
      dynamo.tableNames.exposures,
    ]);
    expect(await hashesInTable('aws')).toEqual([lambdaHash]);
  });

  it('the local stack and portal import --target local read a pepper file of that text to the same hash', async () => {
    await mkdir(join(dir, 'local'), { recursive: true });
    await writeFile(join(dir, 'local', PEPPER_FILE_NAME), `${secretString}\n`, { mode: 0o600 });
    expect(hashOf(await loadOrCreateLocalPepper(join(dir, 'local')))).toBe(lambdaHash);
    await runImport('local', [
      '--target',
      'local',
      '--endpoint',
      dynamo.endpoint,
      '--table',
      dynamo.tableNames.exposures,
    ]);
    expect(await hashesInTable('local')).toEqual([lambdaHash]);
  });
});
