import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTIAL_SUFFIX, type WrittenFile } from './dynamo-json-file-writer';
import { ImportError } from './import-errors';

/*
 * The s3-files target's directory:
 *   <out>/data/*.json.gz   gzip DynamoDB JSON, the S3 prefix ImportTable reads (nothing else may live under it)
 *   <out>/manifest.json    counts and file list; written last, so its presence means the data beside it is complete
 * Workers write into a staging directory inside <out>; only a finished import swaps it in as data/.
 */

export const DATA_DIRECTORY = 'data';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  key: string;
  items: number;
  uncompressedBytes: number;
  compressedBytes: number;
}

export interface ImportManifest {
  format: 'DYNAMODB_JSON';
  compression: 'GZIP';
  table: 'exposures';
  breachId: string;
  completedAt: string;
  rows: number;
  items: number;
  subjects: number;
  rejects: number;
  /** Keys of a random sample of the items (hashes only): `portal verify` looks each one up in the table. */
  sample?: ItemKey[];
  files: ManifestFile[];
}

export interface ItemKey {
  identifierHash: string;
  recordKey: string;
}

export class S3FilesOutput {
  private constructor(
    readonly outDir: string,
    readonly stagingDir: string,
  ) {}

  /** Fails before any work when the directory cannot be created or written. */
  static async prepare(outDir: string): Promise<S3FilesOutput> {
    try {
      await mkdir(outDir, { recursive: true });
      const stagingDir = await mkdtemp(join(outDir, '.staging-'));
      return new S3FilesOutput(outDir, stagingDir);
    } catch (error) {
      throw new ImportError(
        'output_unwritable',
        `Cannot write to the output directory ${outDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
  }

  async commit(files: readonly WrittenFile[], manifest: Omit<ImportManifest, 'files'>): Promise<ImportManifest> {
    const entries: ManifestFile[] = [];
    for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
      const finalPath = join(this.stagingDir, file.name);
      await rename(file.partialPath, finalPath);
      entries.push({
        key: `${DATA_DIRECTORY}/${file.name}`,
        items: file.items,
        uncompressedBytes: file.uncompressedBytes,
        compressedBytes: (await stat(finalPath)).size,
      });
    }
    const complete: ImportManifest = { ...manifest, files: entries };
    const manifestPath = join(this.outDir, MANIFEST_FILE);
    const dataDir = join(this.outDir, DATA_DIRECTORY);
    // Manifest first out, last in: between the two, the directory plainly says "incomplete".
    await rm(manifestPath, { force: true });
    const replaced = join(this.outDir, `.replaced-${randomBytes(4).toString('hex')}`);
    await rename(dataDir, replaced).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(this.stagingDir, dataDir);
    await writeFile(`${manifestPath}${PARTIAL_SUFFIX}`, `${JSON.stringify(complete, null, 2)}\n`);
    await rename(`${manifestPath}${PARTIAL_SUFFIX}`, manifestPath);
    await rm(replaced, { recursive: true, force: true });
    return complete;
  }

  async abandon(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
  }
}
