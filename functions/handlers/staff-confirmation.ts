import { resendConfirmation } from '../core/staff/resend-confirmation';
import { mapStaffValidationError, staffConfirmationRequestSchema } from '../core/staff/staff-requests';
import type { StaffConfirmationHandlerDependencies } from '../dependencies';
import { consoleLanguageOf } from '../http/console-language';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffConfirmationDependencies } from '../wiring/route-dependencies';

/*
 * POST /api/v1/staff/confirmations → 202 {"status":"accepted"}: the customer gets the website's own confirmation mail.
 * Like the public endpoint, the answer does not say whether the address is in the breach.
 */

export function createStaffConfirmationHandler(deps: StaffConfirmationHandlerDependencies) {
  return createStaffHttpHandler(deps, 'confirmation', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: staffConfirmationRequestSchema,
    mapValidationError: mapStaffValidationError,
    handle: async ({ body, event, context }) => {
      await resendConfirmation(deps, context.staffCall, body, consoleLanguageOf(event, deps.config));
      return { status: 202, body: { status: 'accepted' } };
    },
  });
}

export const { handler, create } = deployed(
  'StaffConfirmation',
  createStaffConfirmationHandler,
  staffConfirmationDependencies,
);
