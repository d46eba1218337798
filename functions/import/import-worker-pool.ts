import { Worker } from 'node:worker_threads';
import { importWorkerEntry } from './import-worker-bundle';
import type {
  ChunkResult,
  FromWorkerMessage,
  ImportWorkerSetup,
  ToWorkerMessage,
  WorkerSummary,
} from './import-worker-protocol';
import type { RecordChunk } from './record-chunker';

/*
 * The import's worker threads, one per core. Chunks go to the worker with the least work queued; the caller keeps
 * a bounded queue of pending results (backpressure: the file is read no faster than the workers hash it, so memory
 * stays flat whatever the file size). Workers start from `entry` (import-worker-bundle.ts: one pre-bundled module).
 */

export class ImportWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

class ImportWorker {
  readonly thread: Worker;
  private readonly pendingChunks = new Map<number, Pending<ChunkResult>>();
  private pendingFinish: Pending<WorkerSummary> | undefined;
  private failure: Error | undefined;

  constructor(entry: URL, setup: (index: number) => ImportWorkerSetup, index: number) {
    this.thread = new Worker(entry, {
      workerData: setup(index),
      // V8's default heap limits let garbage pile up far beyond a worker's live set (a few MB) before collecting; these
      // caps keep the whole import within its memory budget (issue 3: ≤ 256 MB). Under `portal import` the process flag
      // --max-semi-space-size=1 (bin/portal.mjs) caps the young generation below this one; the young size here
      // matters for in-process callers without that flag. Measured on 1 M rows with `portal import`: old 32 MB →
      // 185–195 MB peak RSS; old 64 → 237–257 MB for ≈ 4 % less CPU. The live set (modules, phone metadata, domain
      // cache) is far below 32 MB.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 32 },
    });
    this.thread.on('message', (message: FromWorkerMessage) => this.receive(message));
    this.thread.on('error', (error) =>
      this.fail(new ImportWorkerError(`import worker ${index} crashed: ${error.name}`)),
    );
    this.thread.on('exit', (code) => {
      if (this.pendingChunks.size > 0 || this.pendingFinish)
        this.fail(new ImportWorkerError(`import worker ${index} exited (${code})`));
    });
  }

  get queued(): number {
    return this.pendingChunks.size;
  }

  submit(chunk: RecordChunk, seq: number): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pendingChunks.set(seq, { resolve, reject });
      const message: ToWorkerMessage = { type: 'chunk', seq, firstLine: chunk.firstLine, bytes: chunk.bytes };
      // Moved, not copied: a chunk's bytes have an ArrayBuffer of their own (RecordChunker), unusable here afterwards.
      this.thread.postMessage(message, [chunk.bytes.buffer as ArrayBuffer]);
    });
  }

  finish(): Promise<WorkerSummary> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pendingFinish = { resolve, reject };
      const message: ToWorkerMessage = { type: 'finish' };
      this.thread.postMessage(message);
    });
  }

  private receive(message: FromWorkerMessage): void {
    if (message.type === 'chunk-done') {
      const pending = this.pendingChunks.get(message.seq);
      this.pendingChunks.delete(message.seq);
      pending?.resolve(message);
    } else if (message.type === 'finished') {
      this.pendingFinish?.resolve(message);
      this.pendingFinish = undefined;
    } else {
      this.fail(new ImportWorkerError(`import worker failed: ${message.message}`));
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pendingChunks.values()) pending.reject(this.failure);
    this.pendingChunks.clear();
    this.pendingFinish?.reject(this.failure);
    this.pendingFinish = undefined;
  }
}

export class ImportWorkerPool {
  private readonly workers: ImportWorker[];
  private nextSeq = 0;

  private constructor(size: number, entry: URL, setup: (index: number) => ImportWorkerSetup) {
    this.workers = Array.from({ length: size }, (_, index) => new ImportWorker(entry, setup, index));
  }

  static async start(size: number, setup: (index: number) => ImportWorkerSetup): Promise<ImportWorkerPool> {
    return new ImportWorkerPool(size, await importWorkerEntry(), setup);
  }

  get size(): number {
    return this.workers.length;
  }

  submit(chunk: RecordChunk): Promise<ChunkResult> {
    let target = this.workers[0] as ImportWorker;
    for (const worker of this.workers) if (worker.queued < target.queued) target = worker;
    return target.submit(chunk, this.nextSeq++);
  }

  /** Waits for every worker to flush its files; resolves with each one's summary. */
  finish(): Promise<WorkerSummary[]> {
    return Promise.all(this.workers.map((worker) => worker.finish()));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
