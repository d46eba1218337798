import { createHmac } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ImportError } from './import-errors';

/*
 * The checkpoint of a `local`/`aws` import (issue 15: a crash at 70 % must not mean starting over). It records the
 * byte offset in the input up to which every item is confirmed stored — always a record boundary, advanced only when
 * all chunks before it are completely written — with the counts so far and where the rejects file stands. A re-run of
 * the same command finds it, says so, and reads the input from that offset: nothing before it is hashed or written
 * again, nothing after it was counted. Items of chunks written after the offset but before a crash are written again,
 * which is harmless: a put of the same key leaves one item.
 *
 * The identity guards against resuming the wrong import: the input (path, size, modification time), the target and
 * table, the breach id, the column map and a keyed fingerprint of the pepper (an HMAC of a constant, not the pepper).
 */

export interface CheckpointIdentity {
  input: string;
  inputBytes: number;
  inputModifiedMs: number;
  target: string;
  table: string;
  breachId: string;
  columnMap: string;
  pepperFingerprint: string;
}

export interface CheckpointProgress {
  /** Byte offset in the input of the first record not yet confirmed written. */
  offset: number;
  /** Physical line number at that offset. */
  nextLine: number;
  rows: number;
  identifiers: number;
  subjects: number;
  rejects: number;
  /** The partial rejects file and its length at the offset (entries after it are written again on resume). */
  rejectsPartialPath: string;
  rejectsBytes: number;
  itemsWritten: number;
  retries: number;
}

interface CheckpointFile {
  version: 1;
  identity: CheckpointIdentity;
  progress: CheckpointProgress;
  updatedAt: string;
}

export function pepperFingerprint(pepper: Uint8Array): string {
  return createHmac('sha256', pepper).update('portal import checkpoint v1').digest('base64url').slice(0, 16);
}

export class ImportCheckpoint {
  private saving: Promise<void> = Promise.resolve();
  private latest: CheckpointProgress | undefined;
  private lastSavedAt = 0;

  private constructor(
    readonly path: string,
    private readonly identity: CheckpointIdentity,
    readonly resumeFrom: CheckpointProgress | undefined,
    private readonly minIntervalMs: number,
  ) {}

  /** Reads an existing checkpoint of this import (to resume), or none; refuses one that belongs to another import. */
  static async open(path: string, identity: CheckpointIdentity, minIntervalMs = 500): Promise<ImportCheckpoint> {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ImportError('checkpoint_unreadable', `Cannot read the checkpoint ${path}: delete it to start over.`);
      }
    }
    if (text === undefined) return new ImportCheckpoint(path, identity, undefined, minIntervalMs);
    let saved: CheckpointFile;
    try {
      saved = JSON.parse(text) as CheckpointFile;
      if (saved.version !== 1 || typeof saved.progress?.offset !== 'number') throw new Error('shape');
    } catch {
      throw new ImportError('checkpoint_unreadable', `The checkpoint ${path} is damaged: delete it to start over.`);
    }
    const differing = (Object.keys(identity) as (keyof CheckpointIdentity)[]).filter(
      (key) => saved.identity?.[key] !== identity[key],
    );
    if (differing.length > 0) {
      throw new ImportError(
        'checkpoint_mismatch',
        `The checkpoint ${path} belongs to another import (${differing.join(', ')} differ${differing.length === 1 ? 's' : ''}): ` +
          'finish that import with its own command, or delete the checkpoint (or pass --checkpoint FILE) to start this one.',
      );
    }
    return new ImportCheckpoint(path, identity, saved.progress, minIntervalMs);
  }

  /** Records progress; written at most every minIntervalMs (atomically: a crash mid-write keeps the previous one). */
  update(progress: CheckpointProgress): Promise<void> {
    this.latest = progress;
    if (Date.now() - this.lastSavedAt < this.minIntervalMs) return this.saving;
    return this.flush();
  }

  flush(): Promise<void> {
    const progress = this.latest;
    if (!progress) return this.saving;
    this.latest = undefined;
    this.lastSavedAt = Date.now();
    const file: CheckpointFile = { version: 1, identity: this.identity, progress, updatedAt: new Date().toISOString() };
    this.saving = this.saving.then(async () => {
      const temporary = `${this.path}.writing`;
      await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`);
      await rename(temporary, this.path);
    });
    return this.saving;
  }

  /** The import completed: nothing to resume. */
  async remove(): Promise<void> {
    this.latest = undefined;
    await this.saving;
    await rm(this.path, { force: true });
  }
}
