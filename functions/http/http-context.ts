import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { StaffCallAudit } from '../core/staff/audit-trail';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * The Lambda context plus what the middlewares learnt about this request. Each middleware adds its part to a context
 * of this request only (withContext): a caller that passes one context object to many calls (tests, a local server)
 * never sees one call's staff identity or body in another.
 */
export interface HttpContext extends Context {
  /** The body as parsed JSON, before validation (middleware/json-body.ts). */
  readonly json?: unknown;
  /** The body as the route's schema returned it (middleware/schema-validation.ts). */
  readonly body?: unknown;
  /** The audited staff call with the verified identity (staff-auth.ts). */
  readonly staffCall?: StaffCallAudit;
}

export type HttpMiddleware = middy.MiddlewareObj<HttpEvent, HttpResult, Error, HttpContext>;

/** Gives the request a context of its own with `fields` added; the caller's context object is left as it was. */
export function withContext(request: middy.Request<HttpEvent, HttpResult, Error, HttpContext>, fields: object): void {
  request.context = Object.assign(Object.create(request.context) as HttpContext, fields);
}

export function headerValue(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
