import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddyfiedHandler } from '@middy/core';
import { ENV } from '../../contract/lambda-environment';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../contract/observability';
import { PortalError } from '../core/errors';
import type { AppLogger } from '../core/ports';
import { httpStatusOf } from '../http/error-status';

/*
 * Logging and metrics for the deployed Lambdas: Powertools Logger (structured JSON, one service name) and Powertools
 * Metrics (CloudWatch EMF). Both carry counts and error classes only: never an event, a body, an identifier, a token
 * or an IP (DESIGN §2.6). So the logger is never asked to log the event, and metric names are fixed strings.
 */

export { METRICS_NAMESPACE, SERVICE_NAME };

/** What handlers and the sender need of a metrics sink: counts under fixed names, nothing else. */
export interface CountMetrics {
  count(name: string, value?: number): void;
}

export const noMetrics: CountMetrics = { count: () => {} };

export function createServiceLogger(): Logger {
  return new Logger({
    serviceName: SERVICE_NAME,
    logLevel: process.env[ENV.powertoolsLogLevel] === 'DEBUG' ? 'DEBUG' : 'INFO',
  });
}

/** The core's AppLogger on Powertools: structured extras become JSON keys of the log line. */
export function appLoggerOf(logger: Logger): AppLogger {
  return {
    info: (message, extra) => (extra ? logger.info(message, extra) : logger.info(message)),
    warn: (message, extra) => (extra ? logger.warn(message, extra) : logger.warn(message)),
    error: (message, extra) => {
      if (extra instanceof Error) logger.error(message, extra);
      else if (extra) logger.error(message, extra);
      else logger.error(message);
    },
  };
}

export function createServiceMetrics(): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
}

export function countMetricsOf(metrics: Metrics): CountMetrics {
  return { count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value) };
}

/**
 * Adds the Lambda context to every log line and flushes the invocation's metrics as one EMF record, with a count of
 * the outcome (`Responses2xx|4xx|5xx`, and `Error_<code>` for a typed error such as rate_limited) under a `route`
 * dimension. Used on the production `handler` exports only; factories stay free of Powertools so tests and the local
 * stack need none. Middy runs later-registered after/onError hooks first, so these counts land before the flush.
 */
export function withObservability<TEvent, TResult>(
  handler: MiddyfiedHandler<TEvent, TResult>,
  logger: Logger,
  metrics: Metrics,
  route: string,
): MiddyfiedHandler<TEvent, TResult> {
  const countStatus = (status: number) => {
    metrics.addDimension('route', route);
    metrics.addMetric(`Responses${Math.floor(status / 100)}xx`, MetricUnit.Count, 1);
  };
  return handler
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use({
      after: (request) => {
        const status = (request.response as { statusCode?: unknown } | undefined)?.statusCode;
        countStatus(typeof status === 'number' ? status : 200);
      },
      onError: (request) => {
        const error = request.error as { code?: unknown } | null;
        countStatus(error instanceof PortalError ? httpStatusOf(error) : 500);
        // Codes are fixed snake_case strings from errors.ts, never data.
        if (typeof error?.code === 'string' && /^[a-z_]{1,40}$/.test(error.code)) {
          metrics.addMetric(`Error_${error.code}`, MetricUnit.Count, 1);
        }
      },
    });
}
