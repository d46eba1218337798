import { readFile } from 'node:fs/promises';
import { BULK_CLIENT_SETTINGS, emulatorConnection, sdkClient } from '../wiring/sdk-client';
import type { CliIo } from './cli-command';
import { UsageError } from './cli-errors';
import { localDynamoEndpoint, noEmulatorHint } from './local-dynamo';
import { checkS3Prefix, type ManifestFileEntry } from './s3-prefix-check';

/*
 * `portal verify --manifest FILE --table NAME`: does the table hold what the import wrote? Works for every route:
 * the manifest of `--target local|aws` (import-manifest.json beside the rejects file) and of `--target s3-files`
 * (out/manifest.json, for a table created by ImportTable). Two checks:
 *   - every sampled item key (hashes only, spread over the file) is found with GetItem — proves the table, the
 *     breach id and the pepper are the ones the import used;
 *   - the number of items of the breach (a parallel COUNT scan: about 0.35 M read units for 19 M items, ≈ $0.05)
 *     against the manifest's items. Fewer is expected when identical rows appear in different chunks (one key,
 *     one item); more means items of another import of the same breach id.
 * Exit 0 when every sample is found and the count is not above the manifest's, 1 otherwise.
 * With --s3 s3://bucket/prefix/ instead of --table (route B, before the deploy): the upload holds exactly the
 * manifest's files (s3-prefix-check.ts).
 */

/** Options of `portal verify` as program.ts parsed them (`--no-count` makes count false). */
export interface VerifyCommandOptions {
  manifest: string;
  table?: string;
  s3?: string;
  target: 'local' | 'aws';
  endpoint?: string;
  count: boolean;
  json?: boolean;
}

interface VerifyManifest {
  breachId: string;
  items: number;
  sample?: { identifierHash: string; recordKey: string }[];
  files?: ManifestFileEntry[];
}

const SCAN_SEGMENTS = 4;

export async function verifyCommand(values: VerifyCommandOptions, io: CliIo): Promise<number> {
  if (!values.table && !values.s3) throw new UsageError('verify needs --table NAME or --s3 s3://bucket/prefix/');
  // With --json, stdout carries the result object only (docs/import.md → --json); the problems go to stderr.
  const say = values.json ? io.err : io.out;
  const printJson = (result: object) => {
    if (values.json) io.out(JSON.stringify({ manifest: values.manifest, ...result }));
  };
  let manifest: VerifyManifest;
  try {
    manifest = JSON.parse(await readFile(values.manifest, 'utf8')) as VerifyManifest;
    if (typeof manifest.breachId !== 'string' || typeof manifest.items !== 'number') throw new Error('shape');
  } catch {
    io.err(`Cannot read ${values.manifest} as an import manifest (import-manifest.json or out/manifest.json).`);
    return 1;
  }
  if (values.s3) {
    if (!manifest.files) {
      io.err(`${values.manifest} lists no files: use the manifest.json of \`portal import --target s3-files\`.`);
      return 1;
    }
    const problems = await checkS3Prefix(values.s3, manifest.files);
    for (const problem of problems) io.err(problem);
    if (problems.length === 0) say(`s3       ${values.s3} holds the ${manifest.files.length} files of the manifest`);
    printJson({ ok: problems.length === 0, s3: values.s3, files: manifest.files.length, problems });
    return problems.length === 0 ? 0 : 1;
  }
  const table = values.table as string;
  const { DynamoDBClient, GetItemCommand, paginateScan } = await import('@aws-sdk/client-dynamodb');
  const client = sdkClient(
    DynamoDBClient,
    values.target === 'local' ? emulatorConnection(localDynamoEndpoint(values.endpoint)) : {},
    BULK_CLIENT_SETTINGS,
  );
  try {
    const sample = manifest.sample ?? [];
    const missing: number[] = [];
    await Promise.all(
      sample.map(async (key, index) => {
        const { Item } = await client.send(
          new GetItemCommand({
            TableName: table,
            Key: { identifierHash: { S: key.identifierHash }, recordKey: { S: key.recordKey } },
            ProjectionExpression: 'recordKey',
          }),
        );
        if (!Item) missing.push(index);
      }),
    );
    say(`sample   ${sample.length - missing.length} of ${sample.length} sampled items found in ${table}`);
    let countOk = true;
    let items: { stored: number; expected: number } | null = null;
    if (values.count) {
      const counts = await Promise.all(
        Array.from({ length: SCAN_SEGMENTS }, async (_, segment) => {
          let count = 0;
          const pages = paginateScan(
            { client },
            {
              TableName: table,
              Segment: segment,
              TotalSegments: SCAN_SEGMENTS,
              Select: 'COUNT',
              FilterExpression: 'breachId = :breachId',
              ExpressionAttributeValues: { ':breachId': { S: manifest.breachId } },
            },
          );
          for await (const page of pages) count += page.Count ?? 0;
          return count;
        }),
      );
      const stored = counts.reduce((sum, count) => sum + count, 0);
      countOk = stored <= manifest.items;
      items = { stored, expected: manifest.items };
      const difference = manifest.items - stored;
      say(
        `items    ${stored} stored for breach ${manifest.breachId}; the import produced ${manifest.items}` +
          (difference === 0
            ? ' — equal'
            : difference > 0
              ? ` — ${difference} fewer (identical rows in different chunks share one item; a large gap means an unfinished import: re-run it, it resumes)`
              : ` — ${-difference} more: the table also holds items of another import of this breach id`),
      );
    }
    if (missing.length > 0) {
      io.err(
        `${missing.length} sampled items are missing: not this table, not finished, or hashed with another pepper or breach id.`,
      );
    }
    const ok = missing.length === 0 && countOk;
    printJson({
      ok,
      table,
      breachId: manifest.breachId,
      sample: { checked: sample.length, found: sample.length - missing.length },
      items,
    });
    return ok ? 0 : 1;
  } catch (error) {
    const name = (error as { name?: string }).name ?? 'Error';
    if (values.target === 'local' && (error as { code?: string }).code === 'ECONNREFUSED') {
      io.err(noEmulatorHint(localDynamoEndpoint(values.endpoint)));
      return 1;
    }
    io.err(
      name === 'ResourceNotFoundException'
        ? `The table ${table} does not exist: check --table (and the region).`
        : `Cannot read ${table} (${name}): check the credentials (dynamodb:GetItem and Scan on it) and the endpoint.`,
    );
    return 1;
  } finally {
    client.destroy();
  }
}
