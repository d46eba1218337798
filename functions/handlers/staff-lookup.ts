import { lookUpOnBehalf } from '../core/staff/lookup-on-behalf';
import { mapStaffValidationError, staffLookupRequestSchema } from '../core/staff/staff-requests';
import type { StaffLookupHandlerDependencies } from '../dependencies';
import { consoleLanguageOf } from '../http/console-language';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffLookupDependencies } from '../wiring/route-dependencies';

/* POST /api/v1/staff/lookups → {found, exposed, records, guidance}: field names for one subject, audited. */

export function createStaffLookupHandler(deps: StaffLookupHandlerDependencies) {
  return createStaffHttpHandler(deps, 'lookup', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: staffLookupRequestSchema,
    mapValidationError: mapStaffValidationError,
    handle: async ({ body, event, context }) => ({
      status: 200,
      body: await lookUpOnBehalf(deps, context.staffCall, body, consoleLanguageOf(event, deps.config)),
    }),
  });
}

export const { handler, create } = deployed('StaffLookup', createStaffLookupHandler, staffLookupDependencies);
