import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { PortalError, RateLimitedError } from '../core/errors';
import type { AppLogger } from '../core/ports';
import { headerValue, parseJsonBody } from './json-body';
import { ForbiddenOriginError, ORIGIN_VERIFY_HEADER, type OriginGuard } from './origin-guard';
import { errorResponse, jsonResponse } from './responses';
import { viewerIpOf } from './viewer-ip';

/*
 * The one middy stack every HTTP handler uses (DESIGN §5): a caller that went around CloudFront → 403, body limit → 413, wrong media type → 415, broken JSON or
 * schema violation → 400, PortalError → its own status and code, anything unexpected → 500 without details.
 * Handlers only see a parsed, validated body and return { status, body }.
 */

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface HttpRequest<TBody> {
  body: TBody;
  event: HttpEvent;
  /** The caller's address (the viewer's, behind CloudFront: see viewer-ip.ts): hash it before storing, never log it. */
  sourceIp: string;
}

export interface HttpResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpHandlerOptions<TSchema extends z.ZodType | undefined> {
  logger: AppLogger;
  /** Refuses callers that did not come through CloudFront (origin-guard.ts), before any other middleware runs. */
  originGuard: OriginGuard;
  /** Validates the JSON body; omit for requests without a body (GET). */
  schema?: TSchema;
  /** Maps a schema failure to a domain error, e.g. a bad `email` → invalid_email. Default: invalid_request. */
  mapValidationError?: (issues: z.core.$ZodIssue[]) => PortalError | undefined;
  handle: (request: HttpRequest<TSchema extends z.ZodType ? z.output<TSchema> : undefined>) => Promise<HttpResponse>;
}

export function createHttpHandler<TSchema extends z.ZodType | undefined = undefined>(
  options: HttpHandlerOptions<TSchema>,
) {
  return middy<HttpEvent, HttpResult>()
    .use({
      onError: async (request) => {
        const error = request.error;
        if (error instanceof PortalError && error.status < 500) {
          request.response = errorResponse(error.status, error.code, error.message, errorHeaders(error));
          return;
        }
        if (error instanceof PortalError) {
          options.logger.error('request failed', { code: error.code, errorName: error.name });
          request.response = errorResponse(error.status, error.code, error.message, errorHeaders(error));
          return;
        }
        // Only the error's class and message: an SDK error message can echo a key, so no event and no request body.
        options.logger.error('unexpected error', { errorName: error?.name, errorMessage: error?.message });
        request.response = errorResponse(500, 'internal_error', 'Something went wrong on our side. Please try again.');
      },
    })
    .use({
      before: async (request) => {
        if (!(await options.originGuard.accepts(headerValue(request.event.headers, ORIGIN_VERIFY_HEADER)))) {
          throw new ForbiddenOriginError();
        }
      },
    })
    .handler(async (event) => {
      const parsed = options.schema ? parseJsonBody(event, options.schema, options.mapValidationError) : undefined;
      const response = await options.handle({
        body: parsed as never,
        event,
        sourceIp: viewerIpOf(event),
      });
      return jsonResponse(response.status, response.body, response.headers);
    });
}

function errorHeaders(error: PortalError): Record<string, string> {
  return error instanceof RateLimitedError
    ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) }
    : {};
}
