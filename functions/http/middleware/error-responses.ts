import { PortalError, RateLimitedError } from '../../core/errors';
import type { AppLogger } from '../../core/ports';
import { httpStatusOf } from '../error-status';
import type { HttpMiddleware } from '../http-context';
import { errorResponse } from '../responses';

/**
 * Turns any error into the API's answer: a PortalError → the status of its code (error-status.ts), its code and
 * message, Retry-After for a limit; anything unexpected → 500 without details. Refusals (4xx) are not logged: they
 * are the caller's, and counted as metrics (observability/powertools.ts).
 */
export function errorResponses(logger: AppLogger): HttpMiddleware {
  return {
    onError: (request) => {
      const error = request.error;
      if (error instanceof PortalError) {
        const status = httpStatusOf(error);
        if (status >= 500) logger.error('request failed', { code: error.code, errorName: error.name });
        request.response = errorResponse(status, error.code, error.message, errorHeaders(error));
        return;
      }
      // Only the error's class and message: an SDK error message can echo a key, so no event and no request body.
      logger.error('unexpected error', { errorName: error?.name, errorMessage: error?.message });
      request.response = errorResponse(500, 'internal_error', 'Something went wrong on our side. Please try again.');
    },
  };
}

function errorHeaders(error: PortalError): Record<string, string> {
  return error instanceof RateLimitedError
    ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) }
    : {};
}
