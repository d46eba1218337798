import { type DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import type { SendMessageCommand } from '@aws-sdk/client-sqs';
import { KmsSecretBox } from '../../../functions/adapters/kms/kms-secret-box';
import { SqsEmailQueue } from '../../../functions/adapters/sqs/sqs-email-queue';
import { parseOutgoingJob } from '../../../functions/core/check/deliver-outgoing-job';
import type { EmailJob } from '../../../functions/core/ports';
import { httpStatusOf } from '../../../functions/http/error-status';

/*
 * The AWS adapters with the SDK client passed in: what they ask of KMS and SQS, no network. What every SecretBox
 * does (round trip, tamper, limits) is the contract in test/support/port-contracts, run on LocalDevSecretBox and on
 * KmsSecretBox against the KMS stand-in.
 */

describe('KmsSecretBox', () => {
  it('encrypts and decrypts with the configured key and a purpose-bound encryption context', async () => {
    const commands: unknown[] = [];
    const fakeKms = {
      send: async (command: EncryptCommand | DecryptCommand) => {
        commands.push(command);
        if (command instanceof EncryptCommand) {
          return {
            CiphertextBlob: Uint8Array.from(
              Buffer.from(`sealed:${Buffer.from(command.input.Plaintext ?? []).toString()}`),
            ),
          };
        }
        return {
          Plaintext: Uint8Array.from(
            Buffer.from(
              Buffer.from(command.input.CiphertextBlob ?? [])
                .toString()
                .slice(7),
            ),
          ),
        };
      },
    };
    const box = new KmsSecretBox(fakeKms as never, 'alias/assist-requests');

    const sealed = await box.seal('{"name":"Jan"}');
    expect(await box.open(sealed)).toBe('{"name":"Jan"}');
    const [encrypt, decrypt] = commands as [EncryptCommand, DecryptCommand];
    expect(encrypt.input).toMatchObject({
      KeyId: 'alias/assist-requests',
      EncryptionContext: { purpose: 'assist-request-details' },
    });
    expect(decrypt.input).toMatchObject({
      KeyId: 'alias/assist-requests',
      EncryptionContext: { purpose: 'assist-request-details' },
    });
  });
});

describe('SqsEmailQueue', () => {
  it('sends the job as the message body the sender parses back', async () => {
    const sent: SendMessageCommand[] = [];
    const queue = new SqsEmailQueue(
      { send: async (command: SendMessageCommand) => void sent.push(command) } as never,
      'https://sqs/queue',
    );
    const job: EmailJob = { kind: 'affected', to: 'a@example.nl', locale: 'en', token: 't'.repeat(43), recordCount: 2 };
    await queue.enqueue(job);
    expect(sent[0]?.input.QueueUrl).toBe('https://sqs/queue');
    expect(parseOutgoingJob(sent[0]?.input.MessageBody ?? '')).toEqual(job);
  });

  it('turns an SQS failure into a retryable 503 that carries no SDK message', async () => {
    const queue = new SqsEmailQueue(
      { send: async () => Promise.reject(new Error('queue https://sqs/secret')) } as never,
      'q',
    );
    const failure = await queue
      .enqueue({ kind: 'not_found', to: 'a@example.nl', locale: 'nl' })
      .catch((error) => error);
    expect(failure).toMatchObject({
      code: 'service_unavailable',
      message: expect.not.stringContaining('secret'),
    });
    expect(httpStatusOf(failure)).toBe(503);
  });
});
