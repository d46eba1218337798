import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { EmailJob, EmailMessage } from '../../../functions/core/ports';
import { createSendEmailHandler } from '../../../functions/handlers/send-email';
import { lambdaContext } from './api-gateway-event';
import { config, RecordingLogger, RecordingSmsSender, TEST_ORIGIN } from './check-fixture';

function sqsEvent(bodies: string[]): SQSEvent {
  return { Records: bodies.map((body, index) => ({ messageId: `message-${index}`, body }) as SQSRecord) };
}

const AFFECTED: EmailJob = {
  kind: 'affected',
  to: 'hit@example.nl',
  locale: 'en',
  token: 'T'.repeat(43),
  recordCount: 1,
};
const NOT_FOUND: EmailJob = { kind: 'not_found', to: 'miss@example.nl', locale: 'nl' };

describe('email sender (SQS consumer)', () => {
  it('sends each job and reports only the failed and malformed records back to SQS', async () => {
    const sent: EmailMessage[] = [];
    const logger = new RecordingLogger();
    const handler = createSendEmailHandler({
      config,
      origin: TEST_ORIGIN,
      smsSender: new RecordingSmsSender(),
      logger,
      mailer: {
        send: async (message) => {
          if (message.to === 'fail@example.nl') throw new Error('Throttling');
          sent.push(message);
        },
      },
    });

    const response = await handler(
      sqsEvent([
        JSON.stringify(AFFECTED),
        JSON.stringify({ ...NOT_FOUND, to: 'fail@example.nl' }),
        '{"kind":"?"}',
        JSON.stringify(NOT_FOUND),
      ]),
      lambdaContext,
    );

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-1' }, { itemIdentifier: 'message-2' }] });
    expect(sent.map((message) => message.to)).toEqual(['hit@example.nl', 'miss@example.nl']);
    expect(sent[0]?.html).toContain(`${TEST_ORIGIN}/en/result#t=${'T'.repeat(43)}`);
    expect(logger.lines.join('\n')).not.toMatch(/example\.nl|TTTT/);
  });

  it('drops a job whose token has expired, with the EmailJobExpired metric, instead of sending or retrying it', async () => {
    const sent: string[] = [];
    const counted: string[] = [];
    const now = Date.parse('2026-03-02T12:00:00Z');
    const handler = createSendEmailHandler({
      config,
      origin: TEST_ORIGIN,
      smsSender: new RecordingSmsSender(),
      logger: new RecordingLogger(),
      clock: { now: () => now },
      metrics: { count: (name) => counted.push(name) },
      mailer: { send: async (message) => void sent.push(message.to) },
    });
    const expiredAt = Math.floor(now / 1000);

    const response = await handler(
      sqsEvent([
        JSON.stringify({ ...AFFECTED, expiresAtEpochSeconds: expiredAt }),
        JSON.stringify({ ...NOT_FOUND, expiresAtEpochSeconds: expiredAt + 60 }),
      ]),
      lambdaContext,
    );

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual(['miss@example.nl']);
    expect(counted).toEqual(['EmailJobExpired', 'EmailSentNotFound']);
  });
});
