import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../contract/lambda-environment';
import { loadBreachConfig } from '../config/load-breach-config';
import type { BreachConfig } from '../core/breach-config';
import type { Pepper } from '../core/identifier-hash';
import { pepperKeyFromStoredSecret } from '../core/pepper-secret';
import { systemClock } from '../core/ports';
import { createOriginGuard, type OriginGuard } from '../http/origin-guard';
import { appLoggerOf, createServiceLogger, createServiceMetrics } from '../observability/powertools';
import { requiredEnv, tableName } from './deployed-environment';
import { sdkClient } from './sdk-client';

/*
 * What every deployed function shares, each built once per container on first use (for the CDK engineer):
 *
 * - Breach config: one loading path, functions/config/load-breach-config.ts, the same the CLI and the local stack use.
 *   The CDK app validates the file at synth and copies exactly that file into every bundle, naming it in
 *   BREACH_CONFIG (infra/app-function.ts); never fetched at cold start, never an env-var value (4 KiB limit). It is
 *   not also inlined: a second source would let the bundle's copy and the inlined default disagree.
 * - The pepper: the secret's SecretString turned into key bytes by core/pepper-secret.ts (the one pepper contract,
 *   shared with `portal import` and the local stack).
 * - SDK clients: through sdk-client.ts, so always with bounded timeouts and attempts.
 * - Tree-shaking: SDK clients and adapters are loaded with dynamic import() inside the one builder that needs them.
 *   The @aws-sdk packages are external (the Lambda runtime has them) and esbuild keeps every *static* import of an
 *   external module, used or not; a dynamic import inside an unused builder is dropped with it. So the check bundle
 *   names client-dynamodb, client-sqs and client-secrets-manager, and never KMS or SES. The stores are built here
 *   one by one for the same reason, not through adapters/dynamodb/dynamodb-stores.ts (which the local stack uses):
 *   that one imports every store class statically, which would put all five in every bundle.
 */

/** Memoises a cold-start step; a failed step is not kept, so the next invocation tries again. */
function once<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= build().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

export const deployedBreachConfig: () => Promise<BreachConfig> = once(() => loadBreachConfig());

export const dynamoDocumentClient: () => Promise<DynamoDBDocumentClient> = once(async () => {
  const [{ DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/lib-dynamodb'),
  ]);
  return DynamoDBDocumentClient.from(sdkClient(DynamoDBClient), { marshallOptions: { removeUndefinedValues: true } });
});

/** Fetched once per container and cached; a failed fetch is not cached, so the next request tries again. */
export const secretsManagerPepper: () => Promise<Pepper> = once(async () => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const result = await sdkClient(SecretsManagerClient).send(
    new GetSecretValueCommand({ SecretId: requiredEnv(ENV.pepperSecretArn) }),
  );
  if (!result.SecretString) throw new Error('The pepper secret has no SecretString');
  return pepperKeyFromStoredSecret(result.SecretString);
});

let originGuard: OriginGuard | undefined;
/**
 * The origin secret's current and previous values (both accepted, so a rotation has no downtime), fetched once per
 * container and again only when a caller presents a value the container does not know (functions/http/origin-guard.ts).
 */
export function secretsManagerOriginGuard(): OriginGuard {
  originGuard ??= createOriginGuard(async () => {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const client = sdkClient(SecretsManagerClient);
    const secretId = requiredEnv(ENV.originSecretArn);
    const read = (VersionStage: string) =>
      client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage })).then(
        (result) => result.SecretString,
        // Before the first rotation there is no AWSPREVIOUS (ResourceNotFoundException): only the current value is
        // accepted then. Any other client error on it is treated alike; a server or network error fails the fetch.
        (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
          const status = error?.$metadata?.httpStatusCode ?? 0;
          const absent = error?.name === 'ResourceNotFoundException' || (status >= 400 && status < 500);
          if (VersionStage === 'AWSPREVIOUS' && absent) return undefined;
          throw error;
        },
      );
    const [current, previous] = await Promise.all([read('AWSCURRENT'), read('AWSPREVIOUS')]);
    if (!current) throw new Error('The origin secret has no SecretString');
    return previous ? [current, previous] : [current];
  }, systemClock);
  return originGuard;
}

let logger: ReturnType<typeof createServiceLogger> | undefined;
let metrics: ReturnType<typeof createServiceMetrics> | undefined;
/** Powertools' logger and metrics, one of each per container. */
export function deployedObservability() {
  logger ??= createServiceLogger();
  metrics ??= createServiceMetrics();
  return { logger, metrics };
}

/** What every HTTP route gets, whatever its grants: the config, the clock, the logger and the origin check. */
export async function deployedHttpBase() {
  return {
    config: await deployedBreachConfig(),
    clock: systemClock,
    logger: appLoggerOf(deployedObservability().logger),
    originGuard: secretsManagerOriginGuard(),
  };
}

/** The document client and a store's module, loaded in parallel: each store class is loaded only where it is used. */
function withDocumentClient<TModule>(store: Promise<TModule>) {
  return Promise.all([dynamoDocumentClient(), store]);
}

export async function exposureStore() {
  const [client, { DynamoDbExposureStore }] = await withDocumentClient(
    import('../adapters/dynamodb/dynamodb-exposure-store'),
  );
  return new DynamoDbExposureStore(client, tableName('exposures'));
}

export async function tokenStore() {
  const [client, { DynamoDbTokenStore }] = await withDocumentClient(
    import('../adapters/dynamodb/dynamodb-token-store'),
  );
  return new DynamoDbTokenStore(client, tableName('tokens'), systemClock);
}

export async function counterStore() {
  const [client, { DynamoDbCounterStore }] = await withDocumentClient(
    import('../adapters/dynamodb/dynamodb-counter-store'),
  );
  return new DynamoDbCounterStore(client, tableName('counters'), systemClock);
}

export async function assistRequestStore() {
  const [client, { DynamoDbAssistRequestStore }] = await withDocumentClient(
    import('../adapters/dynamodb/dynamodb-assist-request-store'),
  );
  return new DynamoDbAssistRequestStore(client, tableName('assistRequests'), systemClock);
}

export async function auditLog() {
  const [client, { DynamoDbAuditLog }] = await withDocumentClient(import('../adapters/dynamodb/dynamodb-audit-log'));
  return new DynamoDbAuditLog(client, tableName('audit'), systemClock);
}

/** The email queue (SQS), for the routes granted `emailQueue`. */
export async function sqsEmailQueue() {
  const [{ SQSClient }, { SqsEmailQueue }] = await Promise.all([
    import('@aws-sdk/client-sqs'),
    import('../adapters/sqs/sqs-email-queue'),
  ]);
  return new SqsEmailQueue(sdkClient(SQSClient), requiredEnv(ENV.emailQueueUrl));
}

/** The assist-request key (KMS), for the routes granted `kms`. */
export async function kmsSecretBox() {
  const [{ KMSClient }, { KmsSecretBox }] = await Promise.all([
    import('@aws-sdk/client-kms'),
    import('../adapters/kms/kms-secret-box'),
  ]);
  return new KmsSecretBox(sdkClient(KMSClient), requiredEnv(ENV.assistRequestKeyId));
}
