import { lookUpOnBehalf } from '../core/staff/lookup-on-behalf';
import { mapStaffValidationError, staffLookupRequestSchema } from '../core/staff/staff-requests';
import type { PortalDependencies } from '../dependencies';
import { consoleLanguageOf } from '../http/console-language';
import { createStaffHttpHandler, type StaffAuthDependencies } from '../http/staff-auth';
import { withObservability } from '../observability/powertools';
import { lazyHandler, productionObservability } from '../production';
import { productionStaffLookupDependencies } from '../production-staff';

/* POST /api/v1/staff/lookups → {found, exposed, records, guidance}: field names for one subject, audited. */

export type StaffLookupHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'pepper' | 'exposures' | 'counters' | 'logger'>;

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

export const handler = lazyHandler(async () => {
  const { logger, metrics } = productionObservability();
  return withObservability(
    createStaffLookupHandler(await productionStaffLookupDependencies()),
    logger,
    metrics,
    'StaffLookup',
  );
});
