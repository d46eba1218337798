import type { MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { EMAIL_SENDER, RouteId } from '../../contract/routes';
import { withObservability } from '../observability/powertools';
import { deployedObservability } from './deployed-services';

/*
 * The one shape of a handler module (contract/routes.ts `entry`):
 *
 *   export const { handler, create } = deployed('CreateCheck', createCheckHandler, checkDependencies);
 *
 * `handler` is the Lambda entry (the CDK's NodejsFunction handler name); `create` is the factory, which the local
 * stack (functions/local/mount-routes.ts) and the tests call with their own dependencies.
 */

type LambdaHandler<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>;

export interface HandlerModule<TDependencies, TEvent, TResult> {
  handler: LambdaHandler<TEvent, TResult>;
  create: (dependencies: TDependencies) => MiddyfiedHandler<TEvent, TResult>;
}

export function deployed<TDependencies, TEvent, TResult>(
  /** The row's id in contract/routes.ts: the `route` dimension of the function's metrics. */
  id: RouteId | typeof EMAIL_SENDER.id,
  create: (dependencies: TDependencies) => MiddyfiedHandler<TEvent, TResult>,
  build: () => Promise<TDependencies>,
): HandlerModule<TDependencies, TEvent, TResult> {
  const handler = lazyHandler(async () => {
    const { logger, metrics } = deployedObservability();
    return withObservability(create(await build()), logger, metrics, id);
  });
  return { handler, create };
}

/**
 * Builds the real handler on the first invocation (cold start) and reuses it: module import stays free of
 * environment reads, SDK loading and client construction. A failed build is retried by the next invocation.
 */
export function lazyHandler<TEvent, TResult>(
  build: () => Promise<LambdaHandler<TEvent, TResult>>,
): LambdaHandler<TEvent, TResult> {
  let built: Promise<LambdaHandler<TEvent, TResult>> | undefined;
  return async (event, context) => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return (await built)(event, context);
  };
}
