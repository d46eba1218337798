import type { ExposureRecord } from '../core/ports';
import type { CheckpointProgress } from './import-checkpoint';

/** Concurrent, pipelined writes (table-writer.ts); without one, each chunk goes through store.putRecords in turn. */
export interface RecordWriter {
  /** Settles when every record is stored. */
  write(records: readonly ExposureRecord[]): Promise<void>;
  /** Back-pressure: resolves when more may be queued. */
  waitForRoom(): Promise<void>;
  readonly stats: { itemsWritten: number; retries: number };
}

export type CommitProgress = Omit<CheckpointProgress, 'itemsWritten' | 'retries'>;

export function writerCounts(
  writer: RecordWriter | undefined,
  resumeFrom: CheckpointProgress | undefined,
): { itemsWritten?: number; retries?: number } {
  if (!writer) return {};
  return {
    itemsWritten: (resumeFrom?.itemsWritten ?? 0) + writer.stats.itemsWritten,
    retries: (resumeFrom?.retries ?? 0) + writer.stats.retries,
  };
}

/**
 * Chunks' writes finish out of order (many batches in flight); the checkpoint may only move past a chunk once it and
 * every chunk before it are stored. This keeps them in submission order and reports the longest finished prefix.
 */
export class OrderedCommits {
  private readonly entries: { done: boolean; failed: boolean; progress: CommitProgress; written: Promise<void> }[] = [];

  constructor(private readonly onCommit: (progress: CommitProgress) => void) {}

  add(written: Promise<void>, progress: CommitProgress): void {
    const entry = { done: false, failed: false, progress, written };
    this.entries.push(entry);
    written.then(
      () => {
        entry.done = true;
        this.advance();
      },
      () => {
        entry.failed = true;
      },
    );
  }

  /** Resolves when every write has settled; rejects with the first failure. */
  async settled(): Promise<void> {
    await Promise.all(this.entries.map((entry) => entry.written));
    this.advance();
  }

  private advance(): void {
    let committed: CommitProgress | undefined;
    while (this.entries[0]?.done) committed = (this.entries.shift() as (typeof this.entries)[number]).progress;
    if (committed) this.onCommit(committed);
  }
}
