import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import breachJson from '../../../config/breach.json';
import { parseBreachConfig } from '../../../functions/core/breach-config';
import type {
  AppLogger,
  AssistRequestStore,
  AuditLog,
  Clock,
  CounterStore,
  EmailJob,
  EmailQueue,
  ExposureStore,
  SecretBox,
  TokenStore,
} from '../../../functions/core/ports';
import { createLocalStaffIssuer, generateStaffSigningKey } from '../../../functions/local/staff-issuer';
import { CDN_HEADERS, testOriginGuard } from '../../support/test-origin';

/*
 * Shared by the staff unit and integration tests: API Gateway v2 events with a bearer token, a local issuer with a
 * throwaway key, and the dependencies every staff handler takes (stores come from memory or from dynalite).
 */

export const TEST_PEPPER = new Uint8Array(32).fill(9);
export const config = parseBreachConfig(breachJson);

/** One RSA key per test file run: generating is the slow part. */
export const issuer = createLocalStaffIssuer(generateStaffSigningKey());
export const agentToken = () => issuer.issueToken({ staffId: 'agent.anna', role: 'agent' });
export const supervisorToken = () => issuer.issueToken({ staffId: 'supervisor.sam', role: 'supervisor' });

export interface StaffEventOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  path?: string;
  token?: string;
  /** A raw Authorization header (overrides token). */
  authorization?: string;
  body?: unknown;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
}

export function staffEvent(options: StaffEventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/api/v1/staff/lookups';
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: {
      host: 'portal.test',
      ...CDN_HEADERS,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(authorization ? { authorization } : {}),
    },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'portal.test',
      domainPrefix: 'portal',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.20', userAgent: 'jest' },
      requestId: 'request-id',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '01/Mar/2026:12:00:00 +0000',
      timeEpoch: 0,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

const lambdaContext = { functionName: 'test', awsRequestId: 'request-id' } as unknown as Context;

type Invocable = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in the tests
export type JsonBody = Record<string, any>;

export async function invoke(handler: Invocable, event: APIGatewayProxyEventV2) {
  const result = await handler(event, lambdaContext);
  return {
    status: result.statusCode ?? 0,
    headers: result.headers ?? {},
    body: (result.body ? JSON.parse(result.body) : undefined) as JsonBody,
  };
}

export class RecordingEmailQueue implements EmailQueue {
  readonly jobs: EmailJob[] = [];
  async enqueue(job: EmailJob): Promise<void> {
    this.jobs.push(job);
  }
}

export class RecordingLogger implements AppLogger {
  readonly lines: string[] = [];
  info(message: string, extra?: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ message, extra }));
  }
  warn(message: string, extra?: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ message, extra }));
  }
  error(message: string, extra?: Record<string, unknown> | Error) {
    this.lines.push(JSON.stringify({ message, extra: extra instanceof Error ? extra.message : extra }));
  }
}

/** Reversible and obviously not encryption: enough to prove the handler opens what the store holds. */
export const testSecretBox: SecretBox = {
  seal: async (plaintext) => `sealed:${Buffer.from(plaintext).toString('base64')}`,
  open: async (sealed) => Buffer.from(sealed.replace(/^sealed:/, ''), 'base64').toString('utf8'),
};

export interface StaffStores {
  exposures: ExposureStore;
  tokens: TokenStore;
  counters: CounterStore;
  audit: AuditLog;
  assistRequests: AssistRequestStore;
}

export function staffDependencies(stores: StaffStores, clock: Clock) {
  const emailQueue = new RecordingEmailQueue();
  const logger = new RecordingLogger();
  return {
    ...stores,
    config,
    clock,
    emailQueue,
    logger,
    origin: 'https://portal.test',
    pepper: async () => TEST_PEPPER,
    secretBox: testSecretBox,
    staffTokens: issuer.verifier,
    originGuard: testOriginGuard,
  };
}
