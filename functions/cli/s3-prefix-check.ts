import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/*
 * Route B's upload, checked before the deploy that imports it (issue 15, "Bad input": an S3 prefix that does not
 * exist). ImportTable reads whatever lies under the prefix when CloudFormation creates the table; a wrong or empty
 * prefix would give an empty or partial table. Compares the objects under the prefix with the files of
 * `portal import --target s3-files` (out/manifest.json). Uses the AWS CLI, as the close-down plan does, so the
 * tool needs no S3 SDK.
 */

const run = promisify(execFile);

export interface ManifestFileEntry {
  key: string;
  compressedBytes: number;
}

/** `s3://bucket/prefix` → its parts, or undefined. */
export function parseS3Url(url: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/.exec(url);
  return match ? { bucket: match[1] as string, prefix: match[2] as string } : undefined;
}

/** Problems found, one line each (empty: the prefix holds exactly the manifest's files). */
export async function checkS3Prefix(url: string, files: readonly ManifestFileEntry[]): Promise<string[]> {
  const location = parseS3Url(url);
  if (!location) return [`${url} is not an s3://bucket/prefix/ URL.`];
  let listed: [string, number][];
  try {
    const { stdout } = await run(
      'aws',
      [
        's3api',
        'list-objects-v2',
        '--bucket',
        location.bucket,
        '--prefix',
        location.prefix,
        '--query',
        'Contents[].[Key,Size]',
        '--output',
        'json',
      ],
      { env: process.env },
    );
    listed = (JSON.parse(stdout || 'null') as [string, number][] | null) ?? [];
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? (error as Error).message;
    return [`Cannot list ${url}: ${detail.replace(/\.$/, '')}. Check the bucket name, the region and s3:ListBucket.`];
  }
  if (listed.length === 0) {
    return [
      `Nothing under ${url}: upload the import first (aws s3 sync out/data ${url}) or fix exposuresTable.importSource.keyPrefix.`,
    ];
  }
  const sizes = new Map(listed.map(([key, size]) => [key.slice(location.prefix.length).replace(/^\//, ''), size]));
  const problems: string[] = [];
  for (const file of files) {
    const name = file.key.replace(/^data\//, '');
    const size = sizes.get(name);
    if (size === undefined) problems.push(`${name} is missing under ${url}: upload it (aws s3 sync out/data ${url}).`);
    else if (size !== file.compressedBytes) {
      problems.push(
        `${name} under ${url} has ${size} bytes, the manifest says ${file.compressedBytes}: upload it again.`,
      );
    }
    sizes.delete(name);
  }
  for (const extra of sizes.keys()) {
    problems.push(`${extra} under ${url} is not in this import's manifest: ImportTable would load it too; remove it.`);
  }
  return problems;
}
