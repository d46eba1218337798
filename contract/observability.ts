/*
 * The names the Lambdas log and count under (functions/observability/powertools.ts) and the stack's dashboard and
 * alarms read (infra/portal-stack.ts).
 */

export const SERVICE_NAME = 'breach-portal';
export const METRICS_NAMESPACE = 'BreachPortal';
