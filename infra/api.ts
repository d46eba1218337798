import { resolve } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type RouteDefinition } from '../contract/routes';
import { AppFunction } from './app-function';
import { type GrantableResources, grantRouteAccess } from './route-grants';

/*
 * The api concern: an HTTP API with one Lambda per row of ROUTES. Staff routes are guarded twice — API Gateway's
 * JWT authorizer rejects a missing or foreign token before any code runs, and the handler verifies the token and
 * its group again (roles are the handler's business). Public routes are open by design; WAF, the stage throttle
 * and the handlers' own rate limits stand in front of them.
 */

export interface StaffJwtSettings {
  issuerUrl: string;
  audience: string[];
}

export interface PortalApiProps {
  projectRoot: string;
  breachConfigPath: string;
  metricsNamespace: string;
  serviceName: string;
  resources: GrantableResources;
  /** Environment every function gets (table names, ARNs, origin …); a route only receives what its grants allow. */
  environmentFor: (route: RouteDefinition) => Record<string, string>;
  staffJwt: StaffJwtSettings;
  /** Tests: bundle this tiny fixture instead of the real handler files. */
  handlerEntryOverride?: string;
  routes?: readonly RouteDefinition[];
}

export const STAFF_REFUSAL_METRIC = { namespace: 'BreachPortal/Gateway', name: 'StaffRefused' } as const;
/** Access-log lines (JSON, format below) of a staff route answered 401 or 403; wildcards only at the end. */
export const STAFF_REFUSAL_FILTER = `{ (${[...new Set(ROUTES.filter((r) => r.access === 'staff').map((r) => r.method))]
  .map((method) => `($.routeKey = "${method} /api/v1/staff/*")`)
  .join(' || ')}) && (($.status = "401") || ($.status = "403")) }`;

export class PortalApi extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<string, AppFunction> = {};
  /**
   * Staff calls answered 401/403 — above all by the JWT authorizer, which refuses before any Lambda (and so any audit
   * record) exists. Counted from the access log; the observability construct alarms on it (docs/staff.md).
   */
  readonly staffRefusals: Metric;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Breach-lookup portal API (reached through CloudFront under /api/*)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      // A coarse ceiling for the whole API; the precise limits are per address / per IP in the handlers and WAF.
      throttle: { rateLimit: 500, burstLimit: 1000 },
    });
    // Access log without the caller's IP or any header (DESIGN §2.6): request id, route, status and timing only.
    (stage.node.defaultChild as CfnStage).accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        responseLatency: '$context.responseLatency',
        integrationStatus: '$context.integrationStatus',
        integrationErrorMessage: '$context.integrationErrorMessage',
      }),
    };
    const refusals = new MetricFilter(this, 'StaffRefusals', {
      logGroup: accessLogs,
      metricNamespace: STAFF_REFUSAL_METRIC.namespace,
      metricName: STAFF_REFUSAL_METRIC.name,
      filterPattern: FilterPattern.literal(STAFF_REFUSAL_FILTER),
      metricValue: '1',
      defaultValue: 0,
    });
    this.staffRefusals = refusals.metric({ period: Duration.minutes(5), statistic: 'Sum' });
    const staffAuthorizer = new HttpJwtAuthorizer('StaffJwt', props.staffJwt.issuerUrl, {
      jwtAudience: props.staffJwt.audience,
    });

    for (const route of props.routes ?? ROUTES) {
      const appFunction = new AppFunction(this, route.id, {
        entry: resolve(props.projectRoot, props.handlerEntryOverride ?? route.entry),
        serviceName: props.serviceName,
        metricsNamespace: props.metricsNamespace,
        breachConfigPath: props.breachConfigPath,
        projectRoot: props.projectRoot,
        environment: props.environmentFor(route),
        timeout: Duration.seconds(10),
      });
      grantRouteAccess(appFunction.function, route.grants, props.resources);
      this.functions[route.id] = appFunction;
      const [routeConstruct] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, appFunction.function),
        authorizer: route.access === 'staff' ? staffAuthorizer : undefined,
      });
      if (route.access === 'public' && routeConstruct) {
        Validations.of(routeConstruct).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is a public customer endpoint by design (DESIGN §5); WAF rate rules, the stage throttle and per-address/per-IP limits in the handler protect it.`,
        });
      }
    }
  }

  /** https://{id}.execute-api.{region}.amazonaws.com — CloudFront's origin for /api/*. */
  get domainName(): string {
    return `${this.httpApi.apiId}.execute-api.${this.httpApi.stack.region}.${this.httpApi.stack.urlSuffix}`;
  }
}
