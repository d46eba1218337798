import fc from 'fast-check';
import { ManualClock } from '../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../functions/adapters/memory/memory-stores';
import { createStaffAuditHandler } from '../../functions/handlers/staff-audit';
import { createStaffConfirmationHandler } from '../../functions/handlers/staff-confirmation';
import { createStaffLookupHandler } from '../../functions/handlers/staff-lookup';
import { createStaffMetricsHandler } from '../../functions/handlers/staff-metrics';
import { createStaffUpdateAssistRequestHandler } from '../../functions/handlers/staff-update-assist-request';
import { agentToken, invoke, staffDependencies, staffEvent, supervisorToken } from '../unit/staff/staff-fixture';

/*
 * The staff handlers under generated input, signed in (so the body, query and path reach the use cases) and not
 * (arbitrary Authorization headers): every answer is a success or a 4xx with the error shape, never a 5xx or a
 * throw. Memory stores, fixed seed.
 */

const RUNS = { seed: 20260207, numRuns: 150 } as const;
const ERROR_SHAPE = {
  error: { code: expect.stringMatching(/^[a-z]+(?:_[a-z]+)*$/), message: expect.any(String) },
};

const clock = new ManualClock();
const deps = { ...staffDependencies(createMemoryStores(clock), clock), clock };
const handlers = {
  lookup: createStaffLookupHandler(deps),
  confirmation: createStaffConfirmationHandler(deps),
  update: createStaffUpdateAssistRequestHandler(deps),
  audit: createStaffAuditHandler(deps),
  metrics: createStaffMetricsHandler(deps),
};

const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '"', '-', '@', ' ', '0', '6', '+', 'a'), maxLength: 30 }),
  fc.constantFrom('06-12345678', '+31 6 1234 5678', '100000001', 'anna@example.nl', 'INC-1', '2026-03-01', 'open'),
  fc.constant('x'.repeat(5000)),
);
const field = fc.oneof(oddString, fc.integer(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom('type', 'value', 'reason', 'ticket', 'locale', 'email', 'status', 'note', 'extra'),
    field,
    { maxKeys: 6 },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const query = fc.dictionary(fc.constantFrom('from', 'to', 'staffId', 'limit', 'days', 'cursor'), oddString, {
  maxKeys: 4,
});

type StaffResult = Awaited<ReturnType<typeof invoke>>;

function expectSuccessOrClientError(result: StaffResult) {
  if (result.status >= 200 && result.status < 300) return;
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  expect(result.body).toEqual(ERROR_SHAPE);
}

it('answers signed-in staff calls with any body, query or path parameter with a success or a 4xx error shape', async () => {
  const seen = new Set<number>();
  await fc.assert(
    fc.asyncProperty(body, query, oddString, fc.boolean(), async (payload, parameters, id, supervisor) => {
      // A new hour for each run: the per-staff limit is proven elsewhere and would only turn every answer into 429.
      clock.advance(60 * 60 * 1000);
      const token = supervisor ? supervisorToken() : agentToken();
      const results = await Promise.all([
        invoke(handlers.lookup, staffEvent({ token, body: payload })),
        invoke(handlers.confirmation, staffEvent({ token, path: '/api/v1/staff/confirmations', body: payload })),
        invoke(
          handlers.update,
          staffEvent({
            token,
            method: 'PATCH',
            path: `/api/v1/staff/assist-requests/${encodeURIComponent(id)}`,
            pathParameters: { id },
            body: payload,
          }),
        ),
        invoke(handlers.audit, staffEvent({ token, method: 'GET', path: '/api/v1/staff/audit', query: parameters })),
        invoke(
          handlers.metrics,
          staffEvent({ token, method: 'GET', path: '/api/v1/staff/metrics', query: parameters }),
        ),
      ]);
      for (const result of results) {
        seen.add(result.status);
        expectSuccessOrClientError(result);
      }
    }),
    RUNS,
  );
  // Not vacuous: the generated calls got past authentication, both into the use cases and into their refusals.
  expect(seen).toContain(200);
  expect(seen).toContain(400);
  expect(seen).not.toContain(401);
});

it('refuses any Authorization header that is not a valid token with 401 and the error shape', async () => {
  const authorization = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ maxLength: 300 }).map((value) => `Bearer ${value}`),
    fc
      .tuple(fc.base64String(), fc.base64String(), fc.base64String())
      .map((parts) => `Bearer ${parts.join('.').replace(/=/g, '')}`),
    fc.constant(`Bearer ${agentToken().slice(0, -4)}AAAA`),
  );
  await fc.assert(
    fc.asyncProperty(authorization, body, async (header, payload) => {
      const result = await invoke(handlers.lookup, staffEvent({ authorization: header, body: payload }));
      expect(result.status).toBe(401);
      expect(result.body).toEqual(ERROR_SHAPE);
    }),
    RUNS,
  );
});
