import { checkRequestSchema, mapCheckValidationError } from '../core/check/api-schemas';
import { requestCheck } from '../core/check/request-check';
import { requestPhoneCheck } from '../core/sms/request-phone-check';
import type { CreateCheckDependencies } from '../dependencies';
import { createHttpHandler } from '../http/http-stack';
import { deployed } from '../wiring/deployed';
import { checkDependencies } from '../wiring/route-dependencies';

/*
 * POST /api/v1/checks (`email` or `phone`, DESIGN §9) → 202 {"status":"accepted"} for every valid request, hit or
 * miss (DESIGN §2.4): the body is a constant and the headers come from the shared stack, so nothing in the answer
 * depends on the lookup.
 */

export const CHECK_ACCEPTED = { status: 'accepted' } as const;

export function createCheckHandler(deps: CreateCheckDependencies) {
  return createHttpHandler({
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: checkRequestSchema,
    mapValidationError: mapCheckValidationError,
    handle: async ({ body, sourceIp }) => {
      // The schema lets through exactly one of the two.
      if (body.phone !== undefined) await requestPhoneCheck(deps, { phone: body.phone, locale: body.locale, sourceIp });
      else await requestCheck(deps, { email: body.email ?? '', locale: body.locale, sourceIp });
      return { status: 202, body: CHECK_ACCEPTED };
    },
  });
}

export const { handler, create } = deployed('CreateCheck', createCheckHandler, checkDependencies);
