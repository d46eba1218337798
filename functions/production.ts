import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import breachJson from '../config/breach.json';
import type { TableKey } from './adapters/dynamodb/table-definitions';
import { SDK_CLIENT_SETTINGS } from './adapters/sdk-client-settings';
import { type BreachConfig, parseBreachConfig } from './core/breach-config';
import type { Pepper } from './core/identifier-hash';
import { pepperKeyFromStoredSecret } from './core/pepper-secret';
import { systemClock } from './core/ports';
import type { CreateAssistRequestDependencies } from './handlers/create-assist-request';
import type { CreateCheckDependencies } from './handlers/create-check';
import type { RedeemResultDependencies } from './handlers/redeem-result';
import type { SendEmailDependencies } from './handlers/send-email';
import { createOriginGuard, type OriginGuard } from './http/origin-guard';
import { appLoggerOf, countMetricsOf, createServiceLogger, createServiceMetrics } from './observability/powertools';

/*
 * The only production wiring: reads the environment, builds SDK clients and adapters. For the CDK engineer:
 *
 * - Breach config: BUNDLED, never fetched at cold start and never in an env-var value (4 KiB limit). By default
 *   esbuild inlines config/breach.json; `cdk -c config=other.json` copies that file into the bundle and names its
 *   bundled path in BREACH_CONFIG (see below). Either way it is the file the CDK app validated at synth.
 * - Environment (infra/lambda-environment.ts): TABLE_NAMES (JSON of the granted tables), PEPPER_SECRET_ARN,
 *   EMAIL_QUEUE_URL, ASSIST_REQUEST_KEY_ID, PORTAL_ORIGIN, ORIGIN_SECRET_ARN (every HTTP function); optional
 *   SES_CONFIGURATION_SET and SMS_CONFIGURATION_SET for the sender (which also sends the texts of phone checks).
 * - The sender (functions/handlers/send-email.ts) needs `reportBatchItemFailures: true` on its SQS event source.
 * - The pepper: the secret's SecretString turned into key bytes by core/pepper-secret.ts (the one pepper contract,
 *   shared with `portal import` and the local stack), fetched once per container.
 *
 * SDK clients: bounded timeouts and attempts (adapters/sdk-client-settings.ts), so a stalled dependency is a 503
 *   within the Lambda's timeout, not a hung invocation.
 * Tree-shaking: SDK clients and adapters are loaded with dynamic import() inside the one builder that needs them.
 * The @aws-sdk packages are external (the Lambda runtime has them) and esbuild keeps every *static* import of an
 * external module, used or not; a dynamic import inside an unused builder is dropped with it. So the check bundle
 * names client-dynamodb, client-sqs and client-secrets-manager, and never KMS or SES. Everything is built on the
 * first invocation, not at import: importing a handler file in a test needs no AWS environment.
 */

// `cdk -c config=other.json` copies that file into the bundle and names it in BREACH_CONFIG (infra/app-function.ts);
// without it (tests, the default deploy) the imported config/breach.json is the config.
const bundledConfigPath = process.env.BREACH_CONFIG;
export const config: BreachConfig = parseBreachConfig(
  bundledConfigPath ? JSON.parse(readFileSync(bundledConfigPath, 'utf8')) : breachJson,
);

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

export function tableName(key: TableKey): string {
  const names = JSON.parse(requiredEnv('TABLE_NAMES')) as Partial<Record<TableKey, string>>;
  const name = names[key];
  if (!name) throw new Error(`TABLE_NAMES has no "${key}" table: check the route's grants`);
  return name;
}

let documentClient: Promise<DynamoDBDocumentClient> | undefined;
export function dynamoDocumentClient(): Promise<DynamoDBDocumentClient> {
  documentClient ??= Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]).then(
    ([{ DynamoDBClient }, { DynamoDBDocumentClient }]) =>
      DynamoDBDocumentClient.from(new DynamoDBClient(SDK_CLIENT_SETTINGS), {
        marshallOptions: { removeUndefinedValues: true },
      }),
  );
  return documentClient;
}

let pepperPromise: Promise<Pepper> | undefined;
/** Fetched once per container and cached; a failed fetch is not cached, so the next request tries again. */
export function secretsManagerPepper(): Promise<Pepper> {
  pepperPromise ??= import('@aws-sdk/client-secrets-manager')
    .then(({ GetSecretValueCommand, SecretsManagerClient }) =>
      new SecretsManagerClient(SDK_CLIENT_SETTINGS).send(
        new GetSecretValueCommand({ SecretId: requiredEnv('PEPPER_SECRET_ARN') }),
      ),
    )
    .then((result) => {
      if (!result.SecretString) throw new Error('The pepper secret has no SecretString');
      return pepperKeyFromStoredSecret(result.SecretString);
    })
    .catch((error: unknown) => {
      pepperPromise = undefined;
      throw error;
    });
  return pepperPromise;
}

let originGuard: OriginGuard | undefined;
/**
 * The origin secret's current and previous values (both accepted, so a rotation has no downtime), fetched once per
 * container and again only when a caller presents a value the container does not know (functions/http/origin-guard.ts).
 */
export function secretsManagerOriginGuard(): OriginGuard {
  originGuard ??= createOriginGuard(async () => {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient(SDK_CLIENT_SETTINGS);
    const secretId = requiredEnv('ORIGIN_SECRET_ARN');
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
export function productionObservability() {
  logger ??= createServiceLogger();
  metrics ??= createServiceMetrics();
  return { logger, metrics };
}

async function dynamoDbStores() {
  const [client, { DynamoDbExposureStore }, { DynamoDbTokenStore }, { DynamoDbCounterStore }] = await Promise.all([
    dynamoDocumentClient(),
    import('./adapters/dynamodb/dynamodb-exposure-store'),
    import('./adapters/dynamodb/dynamodb-token-store'),
    import('./adapters/dynamodb/dynamodb-counter-store'),
  ]);
  return {
    client,
    exposures: () => new DynamoDbExposureStore(client, tableName('exposures')),
    tokens: () => new DynamoDbTokenStore(client, tableName('tokens'), systemClock),
    counters: () => new DynamoDbCounterStore(client, tableName('counters'), systemClock),
  };
}

export async function productionCheckDependencies(): Promise<CreateCheckDependencies> {
  const [stores, { SQSClient }, { SqsEmailQueue }] = await Promise.all([
    dynamoDbStores(),
    import('@aws-sdk/client-sqs'),
    import('./adapters/sqs/sqs-email-queue'),
  ]);
  return {
    config,
    pepper: secretsManagerPepper,
    exposures: stores.exposures(),
    tokens: stores.tokens(),
    counters: stores.counters(),
    emailQueue: new SqsEmailQueue(new SQSClient(SDK_CLIENT_SETTINGS), requiredEnv('EMAIL_QUEUE_URL')),
    clock: systemClock,
    logger: appLoggerOf(productionObservability().logger),
    originGuard: secretsManagerOriginGuard(),
  };
}

export async function productionRedeemResultDependencies(): Promise<RedeemResultDependencies> {
  const stores = await dynamoDbStores();
  return {
    config,
    pepper: secretsManagerPepper,
    exposures: stores.exposures(),
    tokens: stores.tokens(),
    counters: stores.counters(),
    clock: systemClock,
    logger: appLoggerOf(productionObservability().logger),
    originGuard: secretsManagerOriginGuard(),
  };
}

export async function productionAssistRequestDependencies(): Promise<CreateAssistRequestDependencies> {
  const [stores, { DynamoDbAssistRequestStore }, { KMSClient }, { KmsSecretBox }] = await Promise.all([
    dynamoDbStores(),
    import('./adapters/dynamodb/dynamodb-assist-request-store'),
    import('@aws-sdk/client-kms'),
    import('./adapters/kms/kms-secret-box'),
  ]);
  return {
    config,
    pepper: secretsManagerPepper,
    assistRequests: new DynamoDbAssistRequestStore(stores.client, tableName('assistRequests'), systemClock),
    counters: stores.counters(),
    secretBox: new KmsSecretBox(new KMSClient(SDK_CLIENT_SETTINGS), requiredEnv('ASSIST_REQUEST_KEY_ID')),
    clock: systemClock,
    logger: appLoggerOf(productionObservability().logger),
    originGuard: secretsManagerOriginGuard(),
  };
}

export async function productionSendEmailDependencies(): Promise<SendEmailDependencies> {
  const [{ SESClient }, { SesMailer }, { PinpointSMSVoiceV2Client }, { EndUserMessagingSmsSender }] = await Promise.all(
    [
      import('@aws-sdk/client-ses'),
      import('./adapters/ses/ses-mailer'),
      import('@aws-sdk/client-pinpoint-sms-voice-v2'),
      import('./adapters/sms/end-user-messaging-sms-sender'),
    ],
  );
  return {
    config,
    origin: requiredEnv('PORTAL_ORIGIN'),
    mailer: new SesMailer(new SESClient(SDK_CLIENT_SETTINGS), {
      configurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
    }),
    // No endpoint here: the SDK reads AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 itself (the rehearsal's stand-in).
    smsSender: new EndUserMessagingSmsSender(new PinpointSMSVoiceV2Client(SDK_CLIENT_SETTINGS), {
      originationIdentity: config.sms?.senderId ?? config.organisation.name,
      configurationSetName: process.env.SMS_CONFIGURATION_SET || undefined,
    }),
    logger: appLoggerOf(productionObservability().logger),
    metrics: countMetricsOf(productionObservability().metrics),
  };
}

type LambdaHandler<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>;

/**
 * Builds the real handler on the first invocation (cold start) and reuses it: module import stays free of
 * environment reads, SDK loading and client construction. A failed build is retried by the next invocation.
 */
export function lazyHandler<TEvent = APIGatewayProxyEventV2, TResult = APIGatewayProxyStructuredResultV2>(
  build: () => Promise<LambdaHandler<TEvent, TResult>>,
): LambdaHandler<TEvent, TResult> {
  let built: Promise<LambdaHandler<TEvent, TResult>> | undefined;
  return async (event, context) => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return (await built)(event, context);
  };
}
