import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startFauxqs } from 'fauxqs';
import { type BreachConfig, parseBreachConfig } from '../../functions/core/breach-config';
import { createEmulatorClients, startDynamoDbEmulator } from '../../functions/local/emulators/dynamodb-emulator';
import {
  clearSesStore,
  readSesStore,
  type StoredEmail,
  startSesEmulator,
} from '../../functions/local/emulators/ses-emulator';
import { type StoredSms, startSmsEmulator } from '../../functions/local/emulators/sms-emulator';
import { type GenerateSecretString, generateLikeSecretsManager } from '../support/generate-secret-string';
import { startSecretsManagerStandIn } from '../support/secrets-manager-stand-in';
import { BundleHost } from './bundle-host';
import { CallRecorder } from './call-recorder';
import { allows, grantsOfRole } from './iam-parity';
import { type CognitoStandIn, startCognitoJwksStandIn } from './stand-ins/cognito-jwks-stand-in';
import type { RunningStandIn } from './stand-ins/json-protocol-server';
import { startKmsStandIn } from './stand-ins/kms-stand-in';
import type { SynthesizedApp, SynthesizedFunction } from './synthesized-app';
import { TemplateNames } from './template-names';

/*
 * "Deploys" the synthesized template onto emulators: DynamoDB tables from the template's own table definitions
 * (dynalite), the queues with their redrive policy (fauxqs), the secrets generated in their template format and
 * the KMS keys (stand-ins), a mailbox (aws-ses-v2-local), every one behind the call recorder, which refuses a
 * call the caller's synthesized policy does not allow, as IAM would. Then one warm process
 * per function, running its synthesized bundle with the template's own environment variables.
 */

const LAMBDA_TASK_ROOT = '/var/task';
const REDIRECT_PRELOAD = pathToFileURL('test/deploy-rehearsal/stand-ins/cognito-host-redirect.mjs').href;

export interface RehearsalDeployment {
  names: TemplateNames;
  /** The breach config the stack was synthesized from (staff reasons, ticket pattern …). */
  config: BreachConfig;
  recorder: CallRecorder;
  cognito: CognitoStandIn;
  /** Endpoint variables for any AWS SDK client (the bundles, `portal import`): the recording fronts. */
  endpointEnv: Record<string, string>;
  pepperSecretArn: string;
  /** The header CloudFront adds to every API request and the AWSCURRENT value of the secret it comes from. */
  originVerify: { header: string; value: string };
  hosts: Map<string, BundleHost>;
  functions: SynthesizedFunction[];
  mailbox(): Promise<StoredEmail[]>;
  clearMailbox(): Promise<void>;
  /** Texts the SMS stand-in received (its GET /store), and emptying it. */
  smsOutbox(): Promise<StoredSms[]>;
  clearSmsOutbox(): Promise<void>;
  stop(): Promise<void>;
}

export async function deploy(app: SynthesizedApp): Promise<RehearsalDeployment> {
  const names = new TemplateNames(app.template, app.stackName, app.region);
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const recorder = new CallRecorder(names);
    stops.push(() => recorder.stop());
    // Each function's calls are authorised against its own synthesized policy; the operator CLI is not a function.
    const policies = new Map(app.functions.map((fn) => [fn.logicalId, grantsOfRole(names, fn.roleLogicalId)]));
    recorder.authorize = (call) => {
      const grants = policies.get(call.principal);
      return !grants || allows(grants, call.action, call.resources);
    };
    const dynamo = await startDynamoDbEmulator({ port: 0 });
    stops.push(() => dynamo.stop());
    const ses = await startSesEmulator({ port: 0 });
    stops.push(() => ses.stop());
    const sms = await startSmsEmulator({ port: 0 });
    stops.push(() => sms.stop());
    const fauxqs = await startFauxqs({ port: 0, logger: false, defaultRegion: app.region });
    stops.push(() => fauxqs.stop());
    const secrets = templateSecrets(names);
    const standIns: RunningStandIn[] = [
      await startSecretsManagerStandIn(secrets),
      await startKmsStandIn(
        names.logicalIdsOfType('AWS::KMS::Key').map((id) => ({ id: names.keyId(id), arn: names.getAtt(id, 'Arn') })),
      ),
    ];
    for (const standIn of standIns) stops.push(() => standIn.stop());
    const userPool = names.logicalIdsOfType('AWS::Cognito::UserPool')[0] ?? '';
    const userPoolClient = names.logicalIdsOfType('AWS::Cognito::UserPoolClient')[0] ?? '';
    const cognito = await startCognitoJwksStandIn({
      region: app.region,
      userPoolId: names.ref(userPool),
      clientId: names.ref(userPoolClient),
    });
    stops.push(() => cognito.stop());

    const [secretsManagerStandIn, kmsStandIn] = standIns as [RunningStandIn, RunningStandIn];
    const endpointEnv = {
      AWS_ENDPOINT_URL_DYNAMODB: await recorder.front(dynamo.endpoint),
      AWS_ENDPOINT_URL_SES: await recorder.front(ses.endpoint),
      AWS_ENDPOINT_URL_SQS: await recorder.front(`http://127.0.0.1:${fauxqs.port}`),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: await recorder.front(secretsManagerStandIn.endpoint),
      AWS_ENDPOINT_URL_KMS: await recorder.front(kmsStandIn.endpoint),
      AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: await recorder.front(sms.endpoint),
    };
    names.sqsEndpoint = endpointEnv.AWS_ENDPOINT_URL_SQS;

    const { client } = createEmulatorClients(dynamo.endpoint);
    stops.push(async () => client.destroy());
    await createTemplateTables(client, names);
    createTemplateQueues(fauxqs, names);

    const hosts = new Map<string, BundleHost>();
    stops.push(() => Promise.all([...hosts.values()].map((host) => host.stop())));
    await Promise.all(
      app.functions.map(async (fn) => {
        const env = functionEnvironment(names, fn, endpointEnv, cognito.hostPort);
        const host = await BundleHost.start({
          functionId: fn.logicalId,
          bundleDir: fn.bundleDir,
          env,
          timeoutSeconds: Number(names.resource(fn.logicalId).Properties?.Timeout ?? 3),
          preload: fn.staff ? REDIRECT_PRELOAD : undefined,
        });
        hosts.set(fn.id, host);
      }),
    );
    const originHeader = cloudFrontOriginHeader(names);
    return {
      names,
      config: parseBreachConfig(JSON.parse(readFileSync(app.breachConfigPath, 'utf8'))),
      recorder,
      cognito,
      endpointEnv,
      pepperSecretArn: secretArnInEnvironment(names, app.functions, 'PEPPER_SECRET_ARN'),
      originVerify: { header: originHeader.name, value: secrets[names.ref(originHeader.secretId)] ?? '' },
      hosts,
      functions: app.functions,
      mailbox: () => readSesStore(ses.endpoint),
      clearMailbox: () => clearSesStore(ses.endpoint),
      smsOutbox: async () =>
        ((await (await fetch(`${sms.endpoint}/store`)).json()) as { messages: StoredSms[] }).messages,
      clearSmsOutbox: async () => {
        await fetch(`${sms.endpoint}/clear-store`, { method: 'POST' });
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** ARN → value, each generated in exactly the format its template GenerateSecretString asks for. */
function templateSecrets(names: TemplateNames): Record<string, string> {
  const entries = names.logicalIdsOfType('AWS::SecretsManager::Secret').map((id) => {
    const format = names.resource(id).Properties?.GenerateSecretString as GenerateSecretString | undefined;
    if (!format) throw new Error(`secret ${id} has no GenerateSecretString: the rehearsal cannot seed it`);
    return [names.ref(id), generateLikeSecretsManager(format)] as const;
  });
  return Object.fromEntries(entries);
}

/** The secret ARN a function's template environment names under `variable` (e.g. the pepper's). */
function secretArnInEnvironment(names: TemplateNames, functions: SynthesizedFunction[], variable: string): string {
  for (const fn of functions) {
    const variables = (names.resource(fn.logicalId).Properties?.Environment as { Variables?: Record<string, unknown> })
      ?.Variables;
    if (variables?.[variable] !== undefined) return names.resolve(variables[variable]);
  }
  throw new Error(`no function's environment names ${variable}`);
}

/**
 * The custom header CloudFront adds on its way to the API origin, and the secret its value is resolved from at
 * deploy time ({{resolve:secretsmanager:<ref>:SecretString:::}}): the rehearsal's requests carry the same.
 */
function cloudFrontOriginHeader(names: TemplateNames): { name: string; secretId: string } {
  for (const id of names.logicalIdsOfType('AWS::CloudFront::Distribution')) {
    const config = names.resource(id).Properties?.DistributionConfig as
      | { Origins?: { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[] }
      | undefined;
    for (const header of (config?.Origins ?? []).flatMap((origin) => origin.OriginCustomHeaders ?? [])) {
      const secretRef = /"\{\{resolve:secretsmanager:",\{"Ref":"([^"]+)"\}/.exec(JSON.stringify(header.HeaderValue));
      if (secretRef?.[1]) return { name: header.HeaderName.toLowerCase(), secretId: secretRef[1] };
    }
  }
  throw new Error('the distribution has no origin header resolved from a secret: the API would refuse every request');
}

/** CreateTable from each AWS::DynamoDB::Table's own key schema, attributes and GSIs. TTL: dynalite has none. */
async function createTemplateTables(client: DynamoDBClient, names: TemplateNames): Promise<void> {
  const ids = names.logicalIdsOfType('AWS::DynamoDB::Table');
  for (const id of ids) {
    const properties = names.resource(id).Properties ?? {};
    await client.send(
      new CreateTableCommand({
        TableName: names.tableName(id),
        BillingMode: properties.BillingMode as 'PAY_PER_REQUEST',
        KeySchema: properties.KeySchema as never,
        AttributeDefinitions: properties.AttributeDefinitions as never,
        GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes as never,
      }),
    );
  }
  for (const id of ids) {
    for (let attempt = 0; ; attempt++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: names.tableName(id) }));
      if (Table?.TableStatus === 'ACTIVE') break;
      if (attempt > 100) throw new Error(`table ${id} did not become ACTIVE`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

type Fauxqs = Awaited<ReturnType<typeof startFauxqs>>;

/** Each AWS::SQS::Queue with its template attributes; dead-letter queues first, so a redrive target exists. */
function createTemplateQueues(fauxqs: Fauxqs, names: TemplateNames): void {
  const ids = names.logicalIdsOfType('AWS::SQS::Queue');
  const redrives = (id: string) => names.resource(id).Properties?.RedrivePolicy !== undefined;
  for (const id of [...ids.filter((id) => !redrives(id)), ...ids.filter(redrives)]) {
    const properties = names.resource(id).Properties ?? {};
    const attributes: Record<string, string> = {};
    for (const key of [
      'VisibilityTimeout',
      'MessageRetentionPeriod',
      'DelaySeconds',
      'ReceiveMessageWaitTimeSeconds',
    ]) {
      if (properties[key] !== undefined) attributes[key] = names.resolve(properties[key]);
    }
    if (properties.KmsMasterKeyId !== undefined) attributes.KmsMasterKeyId = names.resolve(properties.KmsMasterKeyId);
    const redrive = properties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: unknown } | undefined;
    if (redrive) {
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: names.resolve(redrive.deadLetterTargetArn),
        maxReceiveCount: names.resolve(redrive.maxReceiveCount),
      });
    }
    fauxqs.createQueue(names.queueName(id), { region: names.region, attributes });
  }
}

/** The template's Environment.Variables resolved, plus what the Lambda runtime itself sets. */
function functionEnvironment(
  names: TemplateNames,
  fn: SynthesizedFunction,
  endpointEnv: Record<string, string>,
  cognitoHostPort: string,
): Record<string, string> {
  const variables = ((names.resource(fn.logicalId).Properties?.Environment as { Variables?: object } | undefined)
    ?.Variables ?? {}) as Record<string, unknown>;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    // The code lands in /var/task on Lambda; here it is the asset directory cdk wrote.
    env[name] = names.resolve(value).replace(LAMBDA_TASK_ROOT, fn.bundleDir);
  }
  return {
    PATH: process.env.PATH ?? '',
    ...env,
    ...endpointEnv,
    AWS_REGION: names.region,
    AWS_DEFAULT_REGION: names.region,
    AWS_LAMBDA_FUNCTION_NAME: `${names.stackName}-${fn.logicalId}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    LAMBDA_TASK_ROOT: fn.bundleDir,
    // Its own identity: the call recorder attributes every request to the function by this key id.
    AWS_ACCESS_KEY_ID: fn.logicalId,
    AWS_SECRET_ACCESS_KEY: 'rehearsal',
    ...(fn.staff ? { REHEARSAL_COGNITO_JWKS: cognitoHostPort } : {}),
  };
}
