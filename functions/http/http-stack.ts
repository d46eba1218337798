import middy from '@middy/core';
import type { z } from 'zod';
import type { AppLogger } from '../core/ports';
import type { HttpContext, HttpEvent, HttpMiddleware, HttpResult } from './http-context';
import { bodyLimit } from './middleware/body-limit';
import { errorResponses } from './middleware/error-responses';
import { jsonBody } from './middleware/json-body';
import { jsonMediaType } from './middleware/json-media-type';
import { originCheck } from './middleware/origin-check';
import { schemaValidation, type ValidationErrorMapper } from './middleware/schema-validation';
import type { OriginGuard } from './origin-guard';
import { jsonResponse } from './responses';
import { viewerIpOf } from './viewer-ip';

/*
 * The one middy stack every HTTP handler uses (DESIGN §5), one concern per middleware (functions/http/middleware),
 * in this order:
 *   origin check 403 → [caller checks: staff auth 401/403] → body limit 413 → JSON media type 415 → JSON 400 →
 *   schema 400 → handler;  error responses: PortalError → the status of its code, anything unexpected → 500.
 * A caller the stack refuses learns nothing about the steps after the one that refused it. Handlers only see a
 * parsed, validated body and return { status, body }.
 */

export type { HttpContext, HttpEvent, HttpResult } from './http-context';

export interface HttpRequest<TBody, TContext extends HttpContext = HttpContext> {
  body: TBody;
  event: HttpEvent;
  /** The caller's address (the viewer's, behind CloudFront: see viewer-ip.ts): hash it before storing, never log it. */
  sourceIp: string;
  /** What the middlewares established about this request, e.g. the staff call (staff-auth.ts). */
  context: TContext;
}

export interface HttpResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type BodyOf<TSchema> = TSchema extends z.ZodType ? z.output<TSchema> : undefined;

export interface HttpHandlerOptions<TSchema extends z.ZodType | undefined, TContext extends HttpContext = HttpContext> {
  logger: AppLogger;
  /** Refuses callers that did not come through CloudFront (origin-guard.ts), before any other middleware runs. */
  originGuard: OriginGuard;
  /** Validates the JSON body; omit for requests without a body (GET). */
  schema?: TSchema;
  /** Maps a schema failure to a domain error, e.g. a bad `email` → invalid_email. Default: invalid_request. */
  mapValidationError?: ValidationErrorMapper;
  handle: (request: HttpRequest<BodyOf<TSchema>, TContext>) => Promise<HttpResponse>;
}

export function createHttpHandler<TSchema extends z.ZodType | undefined = undefined>(
  options: HttpHandlerOptions<TSchema>,
) {
  return buildHttpHandler(options, [], (context) => context);
}

/**
 * The stack with `callerChecks` between the origin check and the body: who may call is settled before the body is
 * read. `contextOf` narrows the context to what those checks guarantee (e.g. a staff call), for the handler.
 *
 * The body middlewares sit in a stack of their own that is this stack's handler, so they run after every `before`
 * of the outer stack, including those the deployed handler adds later (observability/powertools.ts: Lambda context
 * on the log lines, the cold-start metric), as when the body was parsed inside the handler. Their refusals reach
 * the outer stack's onError (staff audit, error responses) like any other error.
 */
export function buildHttpHandler<TSchema extends z.ZodType | undefined, TContext extends HttpContext>(
  options: HttpHandlerOptions<TSchema, TContext>,
  callerChecks: HttpMiddleware[],
  contextOf: (context: HttpContext) => TContext,
) {
  const stack = middy<HttpEvent, HttpResult, Error, HttpContext>()
    .use(errorResponses(options.logger))
    .use(originCheck(options.originGuard));
  for (const check of callerChecks) stack.use(check);
  // The outer stack keeps the early-timeout watch; one is enough.
  const body = middy<HttpEvent, HttpResult, Error, HttpContext>({ timeoutEarlyInMillis: 0 });
  if (options.schema) {
    body
      .use(bodyLimit())
      .use(jsonMediaType())
      .use(jsonBody())
      .use(schemaValidation(options.schema, options.mapValidationError));
  }
  return stack.handler(
    body.handler(async (event, context) => {
      const response = await options.handle({
        body: context.body as BodyOf<TSchema>,
        event,
        sourceIp: viewerIpOf(event),
        context: contextOf(context),
      });
      return jsonResponse(response.status, response.body, response.headers);
    }),
  );
}
