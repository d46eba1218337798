/*
 * Finds the route for a request the way API Gateway HTTP API does: exact segments match literally, `{name}` matches
 * one non-empty segment and becomes a path parameter. A path that exists with another method is a 405, not a 404,
 * so a client learns it used the wrong verb.
 */

export interface MountedRoute<THandler> {
  method: string;
  /** API Gateway path syntax, e.g. /api/v1/staff/assist-requests/{id} */
  path: string;
  handler: THandler;
}

export type RouteMatch<THandler> =
  | { kind: 'found'; route: MountedRoute<THandler>; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

export function matchRoute<THandler>(
  routes: readonly MountedRoute<THandler>[],
  method: string,
  path: string,
): RouteMatch<THandler> {
  const allowed: string[] = [];
  for (const route of routes) {
    const pathParameters = matchPathTemplate(route.path, path);
    if (!pathParameters) continue;
    if (route.method === method.toUpperCase()) return { kind: 'found', route, pathParameters };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
}

/** Returns the path parameters when `path` fits `template`, else undefined. */
export function matchPathTemplate(template: string, path: string): Record<string, string> | undefined {
  const templateSegments = template.split('/');
  const pathSegments = path.split('/');
  if (templateSegments.length !== pathSegments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (let index = 0; index < templateSegments.length; index++) {
    const expected = templateSegments[index] ?? '';
    const actual = pathSegments[index] ?? '';
    const parameter = /^\{(\w+)\}$/.exec(expected);
    if (parameter?.[1]) {
      if (actual === '') return undefined;
      parameters[parameter[1]] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return parameters;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
