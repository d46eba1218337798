import { ROUTES, type RouteDefinition, type RouteId } from '../../contract/routes';
import type { PortalDependencies } from '../dependencies';
import type { ApiRoute, LambdaHttpHandler } from './gateway/portal-server';

/*
 * The local stack mounts exactly the rows of contract/routes.ts, calling each row's handler module's `create` (the
 * standard shape, functions/wiring/deployed.ts) with the local adapters, as the CDK app deploys one Lambda per row:
 * a route cannot exist locally and be missing when deployed.
 */

interface HttpHandlerModule {
  create: (dependencies: PortalDependencies) => LambdaHttpHandler;
}

/**
 * Every route's handler module by route id. Keyed by RouteId, so a route without a module does not compile;
 * test/unit/architecture/route-modules.test.ts checks that each names the module of its row's `entry`.
 */
export const ROUTE_HANDLER_MODULES: Record<RouteId, () => Promise<HttpHandlerModule>> = {
  CreateCheck: () => import('../handlers/create-check'),
  RedeemResult: () => import('../handlers/redeem-result'),
  CreateAssistRequest: () => import('../handlers/create-assist-request'),
  StaffLookup: () => import('../handlers/staff-lookup'),
  StaffConfirmation: () => import('../handlers/staff-confirmation'),
  StaffListAssistRequests: () => import('../handlers/staff-list-assist-requests'),
  StaffUpdateAssistRequest: () => import('../handlers/staff-update-assist-request'),
  StaffAudit: () => import('../handlers/staff-audit'),
  StaffMetrics: () => import('../handlers/staff-metrics'),
};

export async function mountRoutes(
  dependencies: PortalDependencies,
  routes: readonly RouteDefinition[] = ROUTES,
): Promise<ApiRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const { create } = await ROUTE_HANDLER_MODULES[route.id]();
      return { id: route.id, method: route.method, path: route.path, handler: create(dependencies) };
    }),
  );
}
