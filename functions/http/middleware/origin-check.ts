import { ORIGIN_VERIFY_HEADER } from '../../../contract/headers';
import { PortalError } from '../../core/errors';
import { type HttpMiddleware, headerValue } from '../http-context';
import type { OriginGuard } from '../origin-guard';

export class ForbiddenOriginError extends PortalError {
  static override readonly codes = ['forbidden_origin'];

  constructor() {
    super('forbidden_origin', 'This API is only reachable through the portal website.');
  }
}

/** A caller that went around CloudFront → 403, before any other middleware parses, audits or touches a table. */
export function originCheck(guard: OriginGuard): HttpMiddleware {
  return {
    before: async (request) => {
      if (!(await guard.accepts(headerValue(request.event.headers, ORIGIN_VERIFY_HEADER)))) {
        throw new ForbiddenOriginError();
      }
    },
  };
}
