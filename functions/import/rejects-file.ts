import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, truncate } from 'node:fs/promises';
import type { RejectEntry } from './row-hasher';

/*
 * The rejects file: `line,column,reason` per entry, in input order — where to look in the raw file and why, never
 * the value itself (it is someone's data, and this file may travel further than the raw file should). Written under
 * a `.partial` name and renamed when the import completes.
 */

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const HEADER = 'line,column,reason\n';

/** Where a resumed import's rejects continue: the previous run's partial file, cut back to the checkpoint. */
export interface RejectsResume {
  partialPath: string;
  bytes: number;
  count: number;
}

export class RejectsFile {
  private readonly stream: WriteStream;
  readonly partialPath: string;
  private failure: Error | undefined;
  count = 0;
  /** Bytes written so far (a checkpoint records this to resume from). */
  bytes = 0;

  private constructor(
    private readonly path: string,
    resume: RejectsResume | undefined,
  ) {
    // A per-run partial name: two imports writing the same rejects path never trample each other's partial file.
    this.partialPath = resume?.partialPath ?? `${path}.${randomBytes(4).toString('hex')}.partial`;
    this.stream = createWriteStream(this.partialPath, resume ? { flags: 'r+', start: resume.bytes } : {});
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    if (resume) {
      this.count = resume.count;
      this.bytes = resume.bytes;
    } else {
      this.stream.write(HEADER);
      this.bytes = HEADER.length;
    }
  }

  static create(path: string): RejectsFile {
    return new RejectsFile(path, undefined);
  }

  /** Continues a checkpointed import's rejects; a missing partial file starts a new one (entries before are lost). */
  static async resume(path: string, resume: RejectsResume): Promise<RejectsFile> {
    try {
      await truncate(resume.partialPath, resume.bytes);
    } catch {
      return RejectsFile.create(path);
    }
    return new RejectsFile(path, resume);
  }

  async add(entries: readonly RejectEntry[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (entries.length === 0) return;
    this.count += entries.length;
    let text = '';
    for (const { line, column, reason } of entries) text += `${line},${csvCell(column)},${csvCell(reason)}\n`;
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async complete(): Promise<void> {
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    await rename(this.partialPath, this.path);
  }

  /** Stops writing but keeps the partial file: a checkpoint refers to it. */
  async keep(): Promise<void> {
    const finished = once(this.stream, 'close');
    this.stream.end();
    await finished;
  }

  async abandon(): Promise<void> {
    this.stream.destroy();
    await rm(this.partialPath, { force: true });
  }
}
