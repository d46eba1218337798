import breachJson from '../../../config/breach.json';
import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import { parseBreachConfig } from '../../../functions/core/breach-config';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { normaliseEmail } from '../../../functions/core/identifiers';
import type {
  AppLogger,
  EmailQueue,
  ExposureRecord,
  OutgoingJob,
  SmsMessage,
  SmsSender,
} from '../../../functions/core/ports';
import { testOriginGuard } from '../../support/test-origin';

/* Memory-backed dependencies for the check flow: same expiry and conflict rules as DynamoDB, no I/O. */

export const TEST_PEPPER = new Uint8Array(32).fill(7);
export const TEST_ORIGIN = 'https://portal.test';
export const config = parseBreachConfig(breachJson);

export class RecordingEmailQueue implements EmailQueue {
  readonly jobs: OutgoingJob[] = [];
  async enqueue(job: OutgoingJob): Promise<void> {
    this.jobs.push(job);
  }
}

export class RecordingSmsSender implements SmsSender {
  readonly sent: SmsMessage[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
  }
}

export class RecordingLogger implements AppLogger {
  readonly lines: string[] = [];
  info(message: string, extra?: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ level: 'info', message, extra }));
  }
  warn(message: string, extra?: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ level: 'warn', message, extra }));
  }
  error(message: string, extra?: Record<string, unknown> | Error) {
    this.lines.push(JSON.stringify({ level: 'error', message, extra: extra instanceof Error ? extra.name : extra }));
  }
}

export function createCheckFixture() {
  const clock = new ManualClock();
  const stores = createMemoryStores(clock);
  const emailQueue = new RecordingEmailQueue();
  const logger = new RecordingLogger();
  const deps = {
    ...stores,
    config,
    clock,
    emailQueue,
    logger,
    origin: TEST_ORIGIN,
    pepper: async () => TEST_PEPPER,
    originGuard: testOriginGuard,
  };
  return { deps, clock, stores, emailQueue, logger };
}

export function exposureFor(email: string, subjectId: string, fields: ExposureRecord['fields']): ExposureRecord {
  return {
    identifierHash: hashIdentifier(TEST_PEPPER, 'email', normaliseEmail(email)),
    breachId: config.id,
    subjectId,
    fields,
  };
}
