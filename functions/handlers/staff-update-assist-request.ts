import { InvalidInputError } from '../core/errors';
import { updateAssistRequest } from '../core/staff/assist-queue';
import { assistRequestUpdateSchema } from '../core/staff/staff-requests';
import type { StaffUpdateAssistRequestHandlerDependencies } from '../dependencies';
import { consoleLanguageOf } from '../http/console-language';
import { createStaffHttpHandler } from '../http/staff-auth';
import { deployed } from '../wiring/deployed';
import { staffUpdateAssistRequestDependencies } from '../wiring/route-dependencies';

/* PATCH /api/v1/staff/assist-requests/{id} {status, note?} → the updated item (without the callback details). */

const REQUEST_ID = /^[\w-]{1,64}$/;

export function createStaffUpdateAssistRequestHandler(deps: StaffUpdateAssistRequestHandlerDependencies) {
  return createStaffHttpHandler(deps, 'update_assist_request', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: assistRequestUpdateSchema,
    handle: async ({ body, event, context }) => {
      const id = event.pathParameters?.id ?? '';
      if (!REQUEST_ID.test(id)) throw new InvalidInputError('invalid_id', 'This is not an assisted-lookup request id.');
      const language = consoleLanguageOf(event, deps.config);
      return { status: 200, body: await updateAssistRequest(deps, context.staffCall, id, body, language) };
    },
  });
}

export const { handler, create } = deployed(
  'StaffUpdateAssistRequest',
  createStaffUpdateAssistRequestHandler,
  staffUpdateAssistRequestDependencies,
);
