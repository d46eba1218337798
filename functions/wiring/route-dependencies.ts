import { ENV } from '../../contract/lambda-environment';
import type { StaffTokenVerifier } from '../core/ports';
import type {
  CreateAssistRequestDependencies,
  CreateCheckDependencies,
  RedeemResultDependencies,
  SendEmailDependencies,
  StaffAuditHandlerDependencies,
  StaffConfirmationHandlerDependencies,
  StaffListAssistRequestsHandlerDependencies,
  StaffLookupHandlerDependencies,
  StaffMetricsHandlerDependencies,
  StaffUpdateAssistRequestHandlerDependencies,
} from '../dependencies';
import { appLoggerOf, countMetricsOf } from '../observability/powertools';
import { optionalEnv, requiredEnv } from './deployed-environment';
import {
  assistRequestStore,
  auditLog,
  counterStore,
  deployedBreachConfig,
  deployedHttpBase,
  deployedObservability,
  exposureStore,
  kmsSecretBox,
  secretsManagerPepper,
  sqsEmailQueue,
  tokenStore,
} from './deployed-services';
import { sdkClient } from './sdk-client';

/*
 * One builder per deployed function (contract/routes.ts): each builds exactly the adapters its route is granted, on
 * the first invocation (functions/wiring/deployed.ts). A handler module imports only its own builder, so esbuild
 * drops the others and their dynamic imports from its bundle.
 */

/** What a check needs beyond the base, for the public check and the agent's check on a caller's behalf alike. */
async function checkAdapters() {
  const [exposures, tokens, counters, emailQueue] = await Promise.all([
    exposureStore(),
    tokenStore(),
    counterStore(),
    sqsEmailQueue(),
  ]);
  return { pepper: secretsManagerPepper, exposures, tokens, counters, emailQueue };
}

export async function checkDependencies(): Promise<CreateCheckDependencies> {
  const [base, adapters] = await Promise.all([deployedHttpBase(), checkAdapters()]);
  return { ...base, ...adapters };
}

export async function redeemResultDependencies(): Promise<RedeemResultDependencies> {
  const [base, exposures, tokens, counters] = await Promise.all([
    deployedHttpBase(),
    exposureStore(),
    tokenStore(),
    counterStore(),
  ]);
  return { ...base, pepper: secretsManagerPepper, exposures, tokens, counters };
}

export async function assistRequestDependencies(): Promise<CreateAssistRequestDependencies> {
  const [base, assistRequests, counters, secretBox] = await Promise.all([
    deployedHttpBase(),
    assistRequestStore(),
    counterStore(),
    kmsSecretBox(),
  ]);
  return { ...base, pepper: secretsManagerPepper, assistRequests, counters, secretBox };
}

export async function sendEmailDependencies(): Promise<SendEmailDependencies> {
  const [config, { SESClient }, { SesMailer }, { PinpointSMSVoiceV2Client }, { EndUserMessagingSmsSender }] =
    await Promise.all([
      deployedBreachConfig(),
      import('@aws-sdk/client-ses'),
      import('../adapters/ses/ses-mailer'),
      import('@aws-sdk/client-pinpoint-sms-voice-v2'),
      import('../adapters/sms/end-user-messaging-sms-sender'),
    ]);
  const { logger, metrics } = deployedObservability();
  return {
    config,
    origin: requiredEnv(ENV.origin),
    mailer: new SesMailer(sdkClient(SESClient), { configurationSetName: optionalEnv(ENV.sesConfigurationSet) }),
    // No endpoint here: the SDK reads AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 itself (the rehearsal's stand-in).
    smsSender: new EndUserMessagingSmsSender(sdkClient(PinpointSMSVoiceV2Client), {
      originationIdentity: config.sms?.senderId ?? config.organisation.name,
      configurationSetName: optionalEnv(ENV.smsConfigurationSet),
    }),
    logger: appLoggerOf(logger),
    metrics: countMetricsOf(metrics),
  };
}

/*
 * Staff functions: every one gets the audit log and the Cognito verifier (STAFF_USER_POOL_ID, STAFF_CLIENT_ID): API
 * Gateway's JWT authorizer checks the token first, the Lambda checks it again itself.
 */

let verifier: Promise<StaffTokenVerifier> | undefined;
function cognitoVerifier(): Promise<StaffTokenVerifier> {
  verifier ??= import('../adapters/cognito/cognito-staff-token-verifier').then(({ createCognitoStaffTokenVerifier }) =>
    createCognitoStaffTokenVerifier({
      userPoolId: requiredEnv(ENV.staffUserPoolId),
      clientId: requiredEnv(ENV.staffClientId),
    }),
  );
  return verifier;
}

async function staffBase(): Promise<StaffAuditHandlerDependencies> {
  const [base, audit, staffTokens] = await Promise.all([deployedHttpBase(), auditLog(), cognitoVerifier()]);
  return { ...base, audit, staffTokens };
}

export async function staffLookupDependencies(): Promise<StaffLookupHandlerDependencies> {
  const [base, exposures, counters] = await Promise.all([staffBase(), exposureStore(), counterStore()]);
  return { ...base, pepper: secretsManagerPepper, exposures, counters };
}

export async function staffConfirmationDependencies(): Promise<StaffConfirmationHandlerDependencies> {
  const [base, adapters] = await Promise.all([staffBase(), checkAdapters()]);
  return { ...base, ...adapters };
}

export async function staffListAssistRequestsDependencies(): Promise<StaffListAssistRequestsHandlerDependencies> {
  const [base, assistRequests, counters, secretBox] = await Promise.all([
    staffBase(),
    assistRequestStore(),
    counterStore(),
    kmsSecretBox(),
  ]);
  return { ...base, assistRequests, counters, secretBox };
}

export async function staffUpdateAssistRequestDependencies(): Promise<StaffUpdateAssistRequestHandlerDependencies> {
  const [base, assistRequests] = await Promise.all([staffBase(), assistRequestStore()]);
  return { ...base, assistRequests };
}

export function staffAuditDependencies(): Promise<StaffAuditHandlerDependencies> {
  return staffBase();
}

export async function staffMetricsDependencies(): Promise<StaffMetricsHandlerDependencies> {
  const [base, counters] = await Promise.all([staffBase(), counterStore()]);
  return { ...base, counters };
}
