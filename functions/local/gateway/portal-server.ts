import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ORIGIN_VERIFY_HEADER } from '../../http/origin-guard';
import { errorResponse } from '../../http/responses';
import { VIEWER_IP_HEADER } from '../../http/viewer-ip';
import {
  LOCAL_BODY_CAP_BYTES,
  localLambdaContext,
  readRequestBody,
  sourceIpOf,
  toApiGatewayEvent,
  writeHandlerResult,
} from './http-adapter';
import { type MountedRoute, matchRoute } from './route-matcher';
import { createStaticSite, type StaticSiteHandler } from './static-site';

/*
 * The one local origin: /api/* goes to the mounted Lambda handlers (as API Gateway would route it), /local/info.json
 * tells local pages where the inbox is, everything else is the static site (as CloudFront + S3 would serve it).
 */

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface ApiRoute extends MountedRoute<LambdaHttpHandler> {
  /** The route table id: the Lambda's function name in the local context. */
  id: string;
}

export interface PortalServerOptions {
  routes: readonly ApiRoute[];
  /** The built site, readied by prepareRunSite (local-site-pages.ts); its files are listed once, at creation. */
  siteRoot: string;
  securityHeaders: Record<string, string>;
  /** Served as /local/info.json: only what local pages need (the inbox link in the banner). */
  localInfo: Record<string, string>;
  bodyCapBytes?: number;
  /** Sent to the handlers as x-portal-origin-verify, as CloudFront sends the deployed origin secret. */
  originSecret: string;
  /** Called with unexpected server errors (no request details: they may carry identifiers). */
  onError?: (error: unknown) => void;
}

export const API_PREFIX = '/api/';

export function createPortalServer(options: PortalServerOptions): Server {
  return createServer(createPortalRequestListener(options));
}

/** The request listener alone, for a server that was bound before the routes existed (see local-stack.ts). */
export function createPortalRequestListener(options: PortalServerOptions) {
  const site = createStaticSite({ root: options.siteRoot, securityHeaders: options.securityHeaders });
  return (request: IncomingMessage, response: ServerResponse): void => {
    handleRequest(request, response, options, site).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) {
        writeHandlerResult(response, errorResponse(500, 'internal_error', 'Something went wrong on our side.'));
      } else {
        response.destroy();
      }
    });
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: PortalServerOptions,
  site: StaticSiteHandler,
) {
  const path = requestPath(request.url);
  if (path === undefined) {
    // Node's parser lets through targets no URL parser accepts (`http://[::1`, `//%2f/x`): the client's error.
    request.resume();
    const result = errorResponse(400, 'invalid_request', 'The request target is not a valid path.');
    return writeHandlerResult(response, { ...result, headers: { ...options.securityHeaders, ...result.headers } });
  }
  if (path.startsWith(API_PREFIX) || path === '/api') return handleApiRequest(request, response, path, options);
  if (path === '/local/info.json') {
    const body = JSON.stringify(options.localInfo);
    response.writeHead(200, {
      ...options.securityHeaders,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(body);
    return;
  }
  if (path === '/staff/config.json') {
    // Deployed, the CDK app puts the Cognito settings here; locally the console signs in with the dev login.
    response.writeHead(200, {
      ...options.securityHeaders,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify({ mode: 'local', loginPath: '/api/v1/local/staff-login' }));
    return;
  }
  site(request, response);
}

function requestPath(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://local').pathname;
  } catch {
    return undefined;
  }
}

async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: PortalServerOptions,
) {
  const method = (request.method ?? 'GET').toUpperCase();
  const match = matchRoute(options.routes, method, path);
  if (match.kind === 'not_found') {
    request.resume();
    return sendApiResult(response, options, errorResponse(404, 'not_found', 'There is no such API endpoint.'));
  }
  if (match.kind === 'method_not_allowed') {
    request.resume();
    const result = errorResponse(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} for this endpoint.`, {
      allow: match.allowed.join(', '),
    });
    return sendApiResult(response, options, result);
  }

  const body = await readRequestBody(request, options.bodyCapBytes ?? LOCAL_BODY_CAP_BYTES);
  if (body.kind === 'too_large') {
    // Answer at once and close: reading the rest would mean accepting an unbounded upload.
    response.once('finish', () => request.socket.destroySoon());
    const result = errorResponse(413, 'payload_too_large', 'The request body is too large.', { connection: 'close' });
    return sendApiResult(response, options, result);
  }

  // Deployed, the CDN's viewer-request function overwrites this header with the viewer's address (infra/site.ts).
  // The local origin plays the CDN, so here too a client cannot choose the address its per-IP limits count against.
  request.headers[VIEWER_IP_HEADER] = sourceIpOf(request);
  // Like CloudFront's origin custom header, it overwrites whatever the client sent (functions/http/origin-guard.ts).
  request.headers[ORIGIN_VERIFY_HEADER] = options.originSecret;
  const route = match.route as ApiRoute;
  const event = toApiGatewayEvent({
    request,
    body: body.bytes,
    routeKey: `${route.method} ${route.path}`,
    pathParameters: match.pathParameters,
  });
  const result = await route.handler(event, localLambdaContext(route.id, event.requestContext.requestId));
  sendApiResult(response, options, result);
}

function sendApiResult(response: ServerResponse, options: PortalServerOptions, result: APIGatewayProxyResultV2) {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    // The CDN's response-headers policy applies to /api/* too; the handler's own headers win where both set one.
    writeHandlerResult(response, { ...result, headers: { ...options.securityHeaders, ...result.headers } });
    return;
  }
  writeHandlerResult(response, result);
}
