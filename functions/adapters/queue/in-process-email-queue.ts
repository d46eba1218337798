import type { AppLogger, EmailQueue, OutgoingJob } from '../../core/ports';

/*
 * The local and test stand-in for SQS + the sender Lambda: jobs are delivered in the background, a failed delivery
 * is retried with capped exponential backoff and jitter, and a job that exhausts its attempts lands in an
 * inspectable dead-letter list (redrivable), as SQS would move it to the DLQ. While SES is down a job simply waits
 * for its next attempt, so nothing is dropped. Jobs hold an address and a token: never log them; only counts and
 * error classes are logged.
 */

export interface InProcessEmailQueueOptions {
  deliver: (job: OutgoingJob) => Promise<void>;
  /** Attempts per job, the first included, before it is dead-lettered. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  logger?: AppLogger;
  random?: () => number;
}

export interface DeadLetter {
  job: OutgoingJob;
  attempts: number;
  errorName: string;
  at: number;
}

export interface EmailQueueStats {
  /** Enqueued and neither delivered nor dead-lettered yet (waiting, in flight or between retries). */
  pending: number;
  delivered: number;
  failedAttempts: number;
  deadLettered: number;
}

export class InProcessEmailQueue implements EmailQueue {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deadLetterList: DeadLetter[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private counts = { pending: 0, delivered: 0, failedAttempts: 0 };
  private closed = false;

  constructor(private readonly options: InProcessEmailQueueOptions) {
    this.maxAttempts = options.maxAttempts ?? 20;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  async enqueue(job: OutgoingJob): Promise<void> {
    if (this.closed) throw new Error('The email queue is closed.');
    this.counts.pending += 1;
    // Delivery starts after the caller's response: like SQS, enqueueing never waits for the mail.
    this.schedule(job, 1, 0);
  }

  stats(): EmailQueueStats {
    return { ...this.counts, deadLettered: this.deadLetterList.length };
  }

  deadLetters(): readonly DeadLetter[] {
    return [...this.deadLetterList];
  }

  /** Puts every dead letter back on the queue for a fresh set of attempts; returns how many. */
  redriveDeadLetters(): number {
    const letters = this.deadLetterList.splice(0);
    for (const letter of letters) {
      this.counts.pending += 1;
      this.schedule(letter.job, 1, 0);
    }
    return letters.length;
  }

  /** Resolves once every enqueued job is delivered or dead-lettered. */
  idle(): Promise<void> {
    if (this.counts.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops all timers; jobs still pending stay undelivered (for shutdown and test teardown). */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(job: OutgoingJob, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(job, attempt);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(job: OutgoingJob, attempt: number): Promise<void> {
    try {
      await this.options.deliver(job);
      this.counts.delivered += 1;
      this.settle();
    } catch (error) {
      this.counts.failedAttempts += 1;
      const errorName = error instanceof Error ? error.name : 'UnknownError';
      if (attempt >= this.maxAttempts) {
        this.deadLetterList.push({ job, attempts: attempt, errorName, at: Date.now() });
        this.options.logger?.error('email job dead-lettered', { attempts: attempt, errorName });
        this.settle();
        return;
      }
      this.options.logger?.warn('email delivery failed; will retry', { attempt, errorName });
      if (!this.closed) this.schedule(job, attempt + 1, this.backoff(attempt));
    }
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    // Half fixed, half jitter: retries spread out but never come back at once.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private settle(): void {
    this.counts.pending -= 1;
    if (this.counts.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
