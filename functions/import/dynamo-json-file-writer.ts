import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';

/*
 * Writes DynamoDB JSON lines into gzip files of bounded size (ImportTable reads many objects under one S3 prefix and
 * works through them in parallel; bounded files also keep any one upload retryable). Files are written under a
 * `.partial` name; the import renames them only once every worker has finished, so a crash never leaves a set of
 * files that looks complete.
 */

export interface WrittenFile {
  /** Final file name (the `.partial` file is renamed to it at the end). */
  name: string;
  partialPath: string;
  items: number;
  uncompressedBytes: number;
}

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
export const PARTIAL_SUFFIX = '.partial';
const GZIP_CHUNK_BYTES = 1 << 20;

interface OpenFile {
  file: WrittenFile;
  gzip: Gzip;
  stream: WriteStream;
}

export class DynamoJsonFileWriter {
  private current: OpenFile | undefined;
  private readonly files: WrittenFile[] = [];

  constructor(
    private readonly directory: string,
    private readonly namePrefix: string,
    private readonly maxUncompressedBytes = DEFAULT_MAX_FILE_BYTES,
    // Level 1: the hashes are incompressible anyway, and level 6 costs twice the CPU for ~3 % smaller files.
    private readonly gzipLevel = 1,
  ) {}

  /**
   * `lines` is handed to gzip as it is: the caller must not change it until `consumed` is called (gzip has read it,
   * which may be after this promise resolves).
   */
  async write(lines: Buffer | string, items: number, consumed?: () => void): Promise<void> {
    if (items === 0) {
      consumed?.();
      return;
    }
    const bytes = typeof lines === 'string' ? Buffer.byteLength(lines) : lines.length;
    if (this.current && this.current.file.uncompressedBytes + bytes > this.maxUncompressedBytes)
      await this.closeCurrent();
    const open = this.current ?? this.open();
    open.file.items += items;
    open.file.uncompressedBytes += bytes;
    if (!open.gzip.write(lines, consumed && (() => consumed()))) await once(open.gzip, 'drain');
  }

  async close(): Promise<WrittenFile[]> {
    await this.closeCurrent();
    return this.files;
  }

  private open(): OpenFile {
    const name = `${this.namePrefix}-${String(this.files.length + 1).padStart(4, '0')}.json.gz`;
    const file: WrittenFile = {
      name,
      partialPath: join(this.directory, name + PARTIAL_SUFFIX),
      items: 0,
      uncompressedBytes: 0,
    };
    // 1 MiB output slices instead of zlib's 16 KiB: each slice costs a callback on the worker's thread and a file
    // write, and a chunk's few MB went out in hundreds of them.
    const gzip = createGzip({ level: this.gzipLevel, chunkSize: GZIP_CHUNK_BYTES });
    const stream = createWriteStream(file.partialPath, { flags: 'wx' });
    gzip.pipe(stream);
    // A failed file (disk full, directory gone) must fail the import, not stall it waiting for 'drain'.
    stream.on('error', (error) => gzip.destroy(error));
    this.current = { file, gzip, stream };
    this.files.push(file);
    return this.current;
  }

  private async closeCurrent(): Promise<void> {
    const open = this.current;
    if (!open) return;
    this.current = undefined;
    const finished = once(open.stream, 'finish');
    open.gzip.end();
    await finished;
  }
}
