import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { CDN_HEADERS } from '../../support/test-origin';

/* API Gateway HTTP API (payload 2.0) events for the check-flow tests, shaped as API Gateway sends them. */

export interface EventOptions {
  body?: string;
  contentType?: string;
  sourceIp?: string;
  isBase64Encoded?: boolean;
  method?: string;
  path?: string;
  /** A caller that went around CloudFront: no x-portal-origin-verify header. */
  withoutCdnHeader?: boolean;
}

export function apiEvent(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/api/v1/checks';
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'portal.test',
      ...(options.withoutCdnHeader ? {} : CDN_HEADERS),
      ...(options.contentType === undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
    },
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'portal.test',
      domainPrefix: 'portal',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '192.0.2.10', userAgent: 'jest' },
      requestId: 'request-id',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '01/Mar/2026:12:00:00 +0000',
      timeEpoch: 0,
    },
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

export function jsonEvent(body: unknown, options: Omit<EventOptions, 'body'> = {}): APIGatewayProxyEventV2 {
  return apiEvent({ ...options, body: JSON.stringify(body) });
}

export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'request-id',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

type Invocable = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Runs a handler and parses its JSON body, so tests compare status, headers and body as data. */
export async function invoke(handler: Invocable, event: APIGatewayProxyEventV2) {
  const result = await handler(event, lambdaContext);
  return {
    status: result.statusCode ?? 0,
    headers: result.headers ?? {},
    body: result.body ? (JSON.parse(result.body) as Record<string, unknown>) : undefined,
  };
}
