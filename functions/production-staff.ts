import type { StaffTokenVerifier } from './core/ports';
import { systemClock } from './core/ports';
import type { StaffAuditHandlerDependencies } from './handlers/staff-audit';
import type { StaffConfirmationHandlerDependencies } from './handlers/staff-confirmation';
import type { StaffListAssistRequestsHandlerDependencies } from './handlers/staff-list-assist-requests';
import type { StaffLookupHandlerDependencies } from './handlers/staff-lookup';
import type { StaffMetricsHandlerDependencies } from './handlers/staff-metrics';
import type { StaffUpdateAssistRequestHandlerDependencies } from './handlers/staff-update-assist-request';
import type { StaffAuthDependencies } from './http/staff-auth';
import { appLoggerOf } from './observability/powertools';
import {
  config,
  dynamoDocumentClient,
  productionObservability,
  requiredEnv,
  secretsManagerOriginGuard,
  secretsManagerPepper,
  tableName,
} from './production';

/*
 * Production wiring of the staff Lambdas (the staff half of production.ts, same rules: environment read once, SDK
 * clients built on the first invocation with dynamic imports so each bundle holds only what its route uses).
 * Every staff function gets the audit log and the Cognito verifier (STAFF_USER_POOL_ID, STAFF_CLIENT_ID): API
 * Gateway's JWT authorizer checks the token first, the Lambda checks it again itself.
 */

let verifier: Promise<StaffTokenVerifier> | undefined;
function cognitoVerifier(): Promise<StaffTokenVerifier> {
  verifier ??= import('./adapters/cognito/cognito-staff-token-verifier').then(({ createCognitoStaffTokenVerifier }) =>
    createCognitoStaffTokenVerifier({
      userPoolId: requiredEnv('STAFF_USER_POOL_ID'),
      clientId: requiredEnv('STAFF_CLIENT_ID'),
    }),
  );
  return verifier;
}

async function staffBase(): Promise<StaffAuthDependencies & Pick<StaffAuditHandlerDependencies, 'logger'>> {
  const [client, { DynamoDbAuditLog }, staffTokens] = await Promise.all([
    dynamoDocumentClient(),
    import('./adapters/dynamodb/dynamodb-audit-log'),
    cognitoVerifier(),
  ]);
  return {
    config,
    clock: systemClock,
    staffTokens,
    originGuard: secretsManagerOriginGuard(),
    audit: new DynamoDbAuditLog(client, tableName('audit'), systemClock),
    logger: appLoggerOf(productionObservability().logger),
  };
}

async function counterStore() {
  const [client, { DynamoDbCounterStore }] = await Promise.all([
    dynamoDocumentClient(),
    import('./adapters/dynamodb/dynamodb-counter-store'),
  ]);
  return new DynamoDbCounterStore(client, tableName('counters'), systemClock);
}

async function exposureStore() {
  const [client, { DynamoDbExposureStore }] = await Promise.all([
    dynamoDocumentClient(),
    import('./adapters/dynamodb/dynamodb-exposure-store'),
  ]);
  return new DynamoDbExposureStore(client, tableName('exposures'));
}

async function assistRequestStore() {
  const [client, { DynamoDbAssistRequestStore }] = await Promise.all([
    dynamoDocumentClient(),
    import('./adapters/dynamodb/dynamodb-assist-request-store'),
  ]);
  return new DynamoDbAssistRequestStore(client, tableName('assistRequests'), systemClock);
}

export async function productionStaffLookupDependencies(): Promise<StaffLookupHandlerDependencies> {
  const [base, exposures, counters] = await Promise.all([staffBase(), exposureStore(), counterStore()]);
  return { ...base, pepper: secretsManagerPepper, exposures, counters };
}

export async function productionStaffConfirmationDependencies(): Promise<StaffConfirmationHandlerDependencies> {
  const [base, exposures, counters, client, { DynamoDbTokenStore }, { SQSClient }, { SqsEmailQueue }] =
    await Promise.all([
      staffBase(),
      exposureStore(),
      counterStore(),
      dynamoDocumentClient(),
      import('./adapters/dynamodb/dynamodb-token-store'),
      import('@aws-sdk/client-sqs'),
      import('./adapters/sqs/sqs-email-queue'),
    ]);
  return {
    ...base,
    pepper: secretsManagerPepper,
    exposures,
    counters,
    tokens: new DynamoDbTokenStore(client, tableName('tokens'), systemClock),
    emailQueue: new SqsEmailQueue(new SQSClient({}), requiredEnv('EMAIL_QUEUE_URL')),
  };
}

export async function productionStaffListAssistRequestsDependencies(): Promise<StaffListAssistRequestsHandlerDependencies> {
  const [base, assistRequests, counters, { KMSClient }, { KmsSecretBox }] = await Promise.all([
    staffBase(),
    assistRequestStore(),
    counterStore(),
    import('@aws-sdk/client-kms'),
    import('./adapters/kms/kms-secret-box'),
  ]);
  return {
    ...base,
    assistRequests,
    counters,
    secretBox: new KmsSecretBox(new KMSClient({}), requiredEnv('ASSIST_REQUEST_KEY_ID')),
  };
}

export async function productionStaffUpdateAssistRequestDependencies(): Promise<StaffUpdateAssistRequestHandlerDependencies> {
  const [base, assistRequests] = await Promise.all([staffBase(), assistRequestStore()]);
  return { ...base, assistRequests };
}

export function productionStaffAuditDependencies(): Promise<StaffAuditHandlerDependencies> {
  return staffBase();
}

export async function productionStaffMetricsDependencies(): Promise<StaffMetricsHandlerDependencies> {
  const [base, counters] = await Promise.all([staffBase(), counterStore()]);
  return { ...base, counters };
}
