import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from '../support/secrets-manager-stand-in';

/*
 * The origin guard reads AWSCURRENT and AWSPREVIOUS. A secret that was never rotated has one version, and the real
 * service answers the AWSPREVIOUS read with ResourceNotFoundException (a 4xx): the stand-in must too, or the
 * rehearsal would prove a path production never takes.
 */

const ARN = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:origin-AbCdEf';
let secrets: SecretsManagerStandIn;
let client: SecretsManagerClient;

beforeAll(async () => {
  secrets = await startSecretsManagerStandIn({ [ARN]: 'current-value' });
  client = new SecretsManagerClient({
    region: 'eu-west-1',
    endpoint: secrets.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await secrets.stop();
});

it('answers AWSCURRENT (and no stage) with the one value', async () => {
  for (const VersionStage of ['AWSCURRENT', undefined]) {
    const answer = await client.send(new GetSecretValueCommand({ SecretId: ARN, VersionStage }));
    expect(answer.SecretString).toBe('current-value');
  }
});

it('answers AWSPREVIOUS of a secret with one version with ResourceNotFoundException, a 4xx', async () => {
  const refusal = await client.send(new GetSecretValueCommand({ SecretId: ARN, VersionStage: 'AWSPREVIOUS' })).then(
    () => undefined,
    (error: { name: string; $metadata: { httpStatusCode?: number } }) => error,
  );
  expect({ name: refusal?.name, status: refusal?.$metadata.httpStatusCode }).toEqual({
    name: 'ResourceNotFoundException',
    status: 400,
  });
});
