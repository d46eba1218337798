import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
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

export class RejectsFile {
  private readonly stream: WriteStream;
  private readonly partialPath: string;
  private failure: Error | undefined;
  count = 0;

  constructor(private readonly path: string) {
    // A per-run partial name: two imports writing the same rejects path never trample each other's partial file.
    this.partialPath = `${path}.${randomBytes(4).toString('hex')}.partial`;
    this.stream = createWriteStream(this.partialPath);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.stream.write('line,column,reason\n');
  }

  async add(entries: readonly RejectEntry[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (entries.length === 0) return;
    this.count += entries.length;
    let text = '';
    for (const { line, column, reason } of entries) text += `${line},${csvCell(column)},${csvCell(reason)}\n`;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async complete(): Promise<void> {
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    await rename(this.partialPath, this.path);
  }

  async abandon(): Promise<void> {
    this.stream.destroy();
    await rm(this.partialPath, { force: true });
  }
}
