import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../functions/cli/main';

/*
 * Route B before its deploy: `portal verify --s3` holds the upload against out/manifest.json, so a prefix that does
 * not exist (or holds other files) is one line before ImportTable runs. The AWS CLI is replaced by a stand-in on the
 * PATH that answers list-objects-v2 the way the CLI prints it with --query/--output json (`null` when nothing).
 */

let dir: string;
const savedPath = process.env.PATH;
const files = [
  { key: 'data/part-1-0001.json.gz', items: 10, uncompressedBytes: 900, compressedBytes: 400 },
  { key: 'data/part-2-0001.json.gz', items: 12, uncompressedBytes: 1000, compressedBytes: 450 },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-s3-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ breachId: 'b', items: 22, files }));
  const standIn = `#!/usr/bin/env bash
case "$*" in
  *"--bucket no-such-bucket"*) echo "An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist" >&2; exit 254 ;;
  *"--prefix exposures/"*) echo '[["exposures/part-1-0001.json.gz", 400], ["exposures/part-2-0001.json.gz", 450]]' ;;
  *"--prefix partial/"*) echo '[["partial/part-1-0001.json.gz", 399], ["partial/other.json.gz", 5]]' ;;
  *) echo 'null' ;;
esac
`;
  await writeFile(join(dir, 'aws'), standIn);
  await chmod(join(dir, 'aws'), 0o755);
  process.env.PATH = `${dir}:${savedPath}`;
});
afterAll(async () => {
  process.env.PATH = savedPath;
  await rm(dir, { recursive: true, force: true });
});

async function verifyS3(url: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['verify', '--manifest', join(dir, 'manifest.json'), '--s3', url], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('portal verify --s3', () => {
  it('passes when the prefix holds exactly the manifest’s files', async () => {
    const result = await verifyS3('s3://hashed-import/exposures/');
    expect(result).toEqual({
      code: 0,
      out: ['s3       s3://hashed-import/exposures/ holds the 2 files of the manifest'],
      err: [],
    });
  });

  it('names a prefix that does not exist, with the fix, in one line', async () => {
    const result = await verifyS3('s3://hashed-import/exposure/');
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'Nothing under s3://hashed-import/exposure/: upload the import first (aws s3 sync out/data s3://hashed-import/exposure/) or fix exposuresTable.importSource.keyPrefix.',
    ]);
  });

  it('names a bucket that does not exist', async () => {
    const result = await verifyS3('s3://no-such-bucket/exposures/');
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(
      /^Cannot list s3:\/\/no-such-bucket\/exposures\/: .*NoSuchBucket.*Check the bucket name/,
    );
  });

  it('lists missing, truncated and foreign files', async () => {
    const result = await verifyS3('s3://hashed-import/partial/');
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'part-1-0001.json.gz under s3://hashed-import/partial/ has 399 bytes, the manifest says 400: upload it again.',
      'part-2-0001.json.gz is missing under s3://hashed-import/partial/: upload it (aws s3 sync out/data s3://hashed-import/partial/).',
      "other.json.gz under s3://hashed-import/partial/ is not in this import's manifest: ImportTable would load it too; remove it.",
    ]);
  });
});
