import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTES, type RouteDefinition } from '../../infra/routes';
import type { PortalDependencies } from '../dependencies';
import type { ApiRoute, LambdaHttpHandler } from './gateway/portal-server';

/*
 * The local stack mounts exactly the rows of infra/routes.ts, importing each row's handler file and calling its
 * factory, as the CDK app deploys one Lambda per row: a route cannot exist locally and be missing when deployed.
 */

export interface MountResult {
  routes: ApiRoute[];
  /** Rows whose handler file does not exist yet (reported at start, not fatal, so a half-built tree still runs). */
  missing: RouteDefinition[];
}

export async function mountRoutes(
  projectRoot: string,
  dependencies: PortalDependencies,
  routes: readonly RouteDefinition[] = ROUTES,
): Promise<MountResult> {
  const mounted: ApiRoute[] = [];
  const missing: RouteDefinition[] = [];
  for (const route of routes) {
    const entryPath = join(projectRoot, route.entry);
    if (!(await exists(entryPath))) {
      missing.push(route);
      continue;
    }
    const module = (await import(entryPath)) as Record<string, unknown>;
    const factory = module[route.factory];
    if (typeof factory !== 'function') {
      throw new Error(`${route.entry} does not export the factory ${route.factory} named in infra/routes.ts.`);
    }
    const handler = (factory as (deps: PortalDependencies) => LambdaHttpHandler)(dependencies);
    mounted.push({ id: route.id, method: route.method, path: route.path, handler });
  }
  return { routes: mounted, missing };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
