import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HttpContext, HttpEvent, HttpMiddleware, HttpResult } from '../../../functions/http/http-context';

/*
 * A real middy chain around one middleware (no stack, no mocks): the handler echoes what the middleware left on the
 * context, and counts its calls, so a test sees both what passes and that a refusal stops the chain.
 */

export const lambdaContext = { functionName: 'test', awsRequestId: 'request-id' } as unknown as Context;

export function chainOf(...middlewares: HttpMiddleware[]) {
  const seen: HttpContext[] = [];
  const handler = middy<HttpEvent, HttpResult, Error, HttpContext>();
  for (const middleware of middlewares) handler.use(middleware);
  const run = handler.handler(async (_event, context) => {
    seen.push(context);
    return { statusCode: 200, body: '' };
  });
  return { run: (event: HttpEvent) => run(event, lambdaContext), seen };
}
