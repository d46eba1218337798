import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

/*
 * node:http ⇄ API Gateway HTTP API (payload format 2.0). The local stack runs the very handlers that are deployed,
 * so this file shapes events exactly as API Gateway would and adds no logic of its own (the 8 KiB limit, media type
 * and validation stay in the handlers' middy stack).
 */

/**
 * API Gateway accepts up to 10 MB, then hands the handler the body; the handler enforces its 8 KiB. Locally we read
 * at most this much so a huge upload cannot fill memory, yet every body the handler should judge reaches it.
 */
export const LOCAL_BODY_CAP_BYTES = 64 * 1024;

export type BodyReadResult = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large' };

/** Reads the request body up to `capBytes`; past the cap it stops reading and reports `too_large`. */
export function readRequestBody(request: IncomingMessage, capBytes = LOCAL_BODY_CAP_BYTES): Promise<BodyReadResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > capBytes) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > capBytes) {
        request.off('data', onData);
        request.pause();
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    request.once('error', reject);
  });
}

export interface EventShape {
  request: IncomingMessage;
  body: Buffer;
  /** `METHOD /path/{param}` as API Gateway names the matched route. */
  routeKey: string;
  pathParameters: Record<string, string>;
  now?: number;
}

// API Gateway passes these bodies through as text; anything else arrives base64-encoded.
const TEXT_MEDIA_TYPE = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript))/;

export function toApiGatewayEvent({ request, body, routeKey, pathParameters, now = Date.now() }: EventShape) {
  const url = new URL(request.url ?? '/', 'http://local');
  const headers = lowerCaseHeaders(request);
  const cookies = headers.cookie ? headers.cookie.split(/;\s*/).filter(Boolean) : undefined;
  delete headers.cookie;
  const { text, isBase64Encoded } = encodeBody(body, headers['content-type']);
  const method = (request.method ?? 'GET').toUpperCase();

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: sourceIpOf(request),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded,
  };
  if (cookies) event.cookies = cookies;
  const query = queryParameters(url.searchParams);
  if (query) event.queryStringParameters = query;
  if (Object.keys(pathParameters).length > 0) event.pathParameters = pathParameters;
  if (body.byteLength > 0) event.body = text;
  return event;
}

/** Writes a handler's result as API Gateway would: structured results as given, anything else as JSON 200. */
export function writeHandlerResult(response: ServerResponse, result: APIGatewayProxyResultV2 | undefined): void {
  if (result === undefined || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    // API Gateway's inference for payload 2.0: a bare value is a 200 JSON body.
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body ?? '';
  const bytes = result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  headers['content-length'] = String(bytes.byteLength);
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(bytes);
}

/** The parts of the Lambda context a handler may read; there is no timeout locally, so plenty of time remains. */
export function localLambdaContext(functionName: string, requestId: string): Context {
  const unsupported = () => {
    throw new Error('Lambda callback-style completion is not supported');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    // API Gateway v2 joins repeated headers with commas (cookies with "; " — handled separately).
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ',') : value;
  }
  return headers;
}

function queryParameters(searchParams: URLSearchParams): Record<string, string> | undefined {
  const joined: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) joined[key] = searchParams.getAll(key).join(',');
  return Object.keys(joined).length > 0 ? joined : undefined;
}

function encodeBody(body: Buffer, contentType: string | undefined): { text: string; isBase64Encoded: boolean } {
  if (body.byteLength === 0) return { text: '', isBase64Encoded: false };
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (TEXT_MEDIA_TYPE.test(mediaType)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), isBase64Encoded: false };
    } catch {
      // Not valid UTF-8 despite a text media type: pass the bytes on unchanged rather than mangle them.
    }
  }
  return { text: body.toString('base64'), isBase64Encoded: true };
}

/** The caller's address as API Gateway reports it (IPv4-mapped IPv6 unwrapped). */
export function sourceIpOf(request: IncomingMessage): string {
  const address = request.socket.remoteAddress;
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
