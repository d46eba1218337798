import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SQSClient } from '@aws-sdk/client-sqs';
import { BULK_CLIENT_SETTINGS, emulatorConnection, sdkClient } from '../../../functions/wiring/sdk-client';

/*
 * Every client the portal builds goes through sdkClient (functions/wiring/sdk-client.ts), so each one is bounded:
 * before issue 16 the staff SQS and KMS clients and the CLI's clients were built without the settings. The real SDK
 * classes, read back from the client: maxAttempts from its resolved config, the timeouts from the Node HTTP handler's
 * resolved options (`configProvider`, the handler's own field: the SDK exposes no public getter for them).
 */

interface Resolved {
  config: { maxAttempts: () => Promise<number>; requestHandler: unknown };
}

async function boundsOf(client: Resolved) {
  const handler = client.config.requestHandler as { configProvider: Promise<Record<string, unknown>> };
  const options = await handler.configProvider;
  return {
    maxAttempts: await client.config.maxAttempts(),
    connectionTimeout: options.connectionTimeout,
    requestTimeout: options.requestTimeout,
    throwOnRequestTimeout: options.throwOnRequestTimeout,
  };
}

const REQUEST_PATH = { maxAttempts: 3, connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true };

describe('sdkClient', () => {
  it.each([
    ['DynamoDB', DynamoDBClient],
    ['SQS', SQSClient],
    ['KMS', KMSClient],
    ['Secrets Manager', SecretsManagerClient],
    ['SES', SESClient],
    ['End User Messaging SMS', PinpointSMSVoiceV2Client],
  ] as const)('bounds a %s client with the request-path settings', async (_name, ClientClass) => {
    const client = sdkClient(ClientClass as new (config: object) => Resolved, { region: 'eu-west-1' });
    expect(await boundsOf(client)).toEqual(REQUEST_PATH);
  });

  it('keeps the caller’s endpoint, region and credentials', async () => {
    const client = sdkClient(DynamoDBClient, emulatorConnection('http://127.0.0.1:8123'));
    const endpoint = await client.config.endpoint?.();
    expect([endpoint?.hostname, endpoint?.port, await client.config.region()]).toEqual([
      '127.0.0.1',
      8123,
      'eu-west-1',
    ]);
    expect((await client.config.credentials()).accessKeyId).toBe('local');
    expect(await boundsOf(client as unknown as Resolved)).toEqual(REQUEST_PATH);
  });

  it('takes the bulk bounds only when asked (the CLI import and verify)', async () => {
    const client = sdkClient(DynamoDBClient, { region: 'eu-west-1' }, BULK_CLIENT_SETTINGS);
    expect(await boundsOf(client as unknown as Resolved)).toEqual({
      maxAttempts: 3,
      connectionTimeout: 2_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    });
  });
});
