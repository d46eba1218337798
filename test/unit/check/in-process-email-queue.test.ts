import { InProcessEmailQueue } from '../../../functions/adapters/queue/in-process-email-queue';
import type { EmailJob, OutgoingJob } from '../../../functions/core/ports';
import { RecordingLogger } from './check-fixture';

const JOB: EmailJob = {
  kind: 'affected',
  to: 'secret@example.nl',
  locale: 'nl',
  token: 'secret-token',
  recordCount: 1,
};

describe('InProcessEmailQueue', () => {
  it('retries a failing delivery until it succeeds, delivering the job exactly once', async () => {
    const delivered: OutgoingJob[] = [];
    let failuresLeft = 3;
    const queue = new InProcessEmailQueue({
      baseDelayMs: 1,
      deliver: async (job) => {
        if (failuresLeft-- > 0) throw new Error('SES down');
        delivered.push(job);
      },
    });
    await queue.enqueue(JOB);
    await queue.idle();
    expect(delivered).toEqual([JOB]);
    expect(queue.stats()).toEqual({ pending: 0, delivered: 1, failedAttempts: 3, deadLettered: 0 });
  });

  it('dead-letters a job after its last attempt, keeps it inspectable and redrives it', async () => {
    let sesUp = false;
    const delivered: OutgoingJob[] = [];
    const logger = new RecordingLogger();
    const queue = new InProcessEmailQueue({
      maxAttempts: 3,
      baseDelayMs: 1,
      logger,
      deliver: async (job) => {
        if (!sesUp) throw new TypeError('fetch failed');
        delivered.push(job);
      },
    });
    await queue.enqueue(JOB);
    await queue.idle();
    expect(queue.deadLetters()).toEqual([{ job: JOB, attempts: 3, errorName: 'TypeError', at: expect.any(Number) }]);
    expect(delivered).toEqual([]);

    sesUp = true;
    expect(queue.redriveDeadLetters()).toBe(1);
    await queue.idle();
    expect(delivered).toEqual([JOB]);
    expect(queue.deadLetters()).toEqual([]);
    expect(logger.lines.join('\n')).not.toMatch(/secret/);
  });

  it('does not deliver before enqueue has returned', async () => {
    const order: string[] = [];
    const queue = new InProcessEmailQueue({ deliver: async () => void order.push('delivered') });
    await queue.enqueue(JOB);
    order.push('enqueued');
    await queue.idle();
    expect(order).toEqual(['enqueued', 'delivered']);
  });
});
