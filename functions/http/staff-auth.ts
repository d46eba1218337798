import type { z } from 'zod';
import { PortalError } from '../core/errors';
import { type AuditTrailDependencies, StaffCallAudit } from '../core/staff/audit-trail';
import { ForbiddenError, UnauthorizedError } from '../core/staff/staff-errors';
import { mayPerform, type StaffAction } from '../core/staff/staff-roles';
import type { StaffAuthDependencies } from '../dependencies';
import { type HttpContext, type HttpEvent, type HttpMiddleware, headerValue, withContext } from './http-context';
import { buildHttpHandler, type HttpHandlerOptions } from './http-stack';

/*
 * Staff authentication and the audit guarantee, as one middy middleware in front of every staff handler:
 *   before  — Bearer token → StaffTokenVerifier → identity; no token or a bad one → 401 `unauthorized`, a role that
 *             may not do this → 403 `forbidden`. Runs before the body is parsed, so strangers learn nothing. The
 *             audited call, with the identity, goes on the request's context: a staff handler reads
 *             `context.staffCall` and passes it to its use case.
 *   onError — any call that ends in an error and was not audited yet (401, 403, 400, 404, 5xx) is audited now,
 *             before the shared stack turns the error into a response. If that write fails, the answer is 503.
 * Allowed calls are audited by their use case (functions/core/staff), which knows the subject hash.
 */

export type { StaffAuthDependencies };

/** The context a staff handler gets: staffAuth has verified the caller and opened the call's audit. */
export interface StaffContext extends HttpContext {
  readonly staffCall: StaffCallAudit;
}

function staffContextOf(context: HttpContext): StaffContext {
  if (!context.staffCall?.staff)
    throw new Error('staffContextOf: the staffAuth middleware did not run for this handler');
  return context as StaffContext;
}

export function staffAuth(deps: StaffAuthDependencies, action: StaffAction): HttpMiddleware {
  const trail: AuditTrailDependencies = { audit: deps.audit, clock: deps.clock, config: deps.config };
  return {
    before: async (request) => {
      const call = new StaffCallAudit(trail, action);
      withContext(request, { staffCall: call });
      const token = bearerToken(request.event);
      if (!token) throw new UnauthorizedError('missing_token');
      call.identify(await verifyToken(deps, token));
      const staff = call.staff;
      if (staff && !mayPerform(staff.role, action)) throw new ForbiddenError();
    },
    onError: async (request) => {
      const call = request.context.staffCall;
      if (!call || call.isRecorded) return;
      const error = request.error;
      const refused = error instanceof PortalError && error.kind === 'refusal';
      try {
        await call.record({ outcome: refused ? 'refused' : 'error', detail: auditDetailOf(error) });
      } catch (auditError) {
        // The shared stack's onError runs next and answers with this error (503) instead.
        request.error = auditError as Error;
      }
    },
  };
}

/** The HTTP stack with staffAuth after the origin check and before the body: every staff handler is built with this. */
export function createStaffHttpHandler<TSchema extends z.ZodType | undefined = undefined>(
  deps: StaffAuthDependencies,
  action: StaffAction,
  options: HttpHandlerOptions<TSchema, StaffContext>,
) {
  return buildHttpHandler(options, [staffAuth(deps, action)], staffContextOf);
}

async function verifyToken(deps: StaffAuthDependencies, token: string) {
  try {
    return await deps.staffTokens.verify(token);
  } catch (error) {
    // A verifier that fails any other way (a library error, a JWKS fetch) still means "not signed in".
    if (error instanceof UnauthorizedError || error instanceof ForbiddenError) throw error;
    throw new UnauthorizedError('invalid_token');
  }
}

function bearerToken(event: HttpEvent): string | undefined {
  const header = headerValue(event.headers, 'authorization');
  const match = header ? /^Bearer\s+([\w.~+/=-]+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function auditDetailOf(error: Error | null | undefined): string {
  if (error instanceof UnauthorizedError) return `unauthorized:${error.reason}`;
  if (error instanceof PortalError) return error.code;
  return 'internal_error';
}
