import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../contract/lambda-environment';

/*
 * One place for every Lambda's defaults (STYLE example 5): Node 24 on arm64, bundled locally by esbuild (no
 * Docker), minified ESM with source maps, the AWS SDK left to the runtime, X-Ray tracing, its own log group with a
 * retention, Powertools settings and a short timeout (API Gateway's 30 s sits above it). A route adds its entry,
 * environment and grants — nothing else differs between functions.
 */

/** Where the breach config lands inside every bundle; functions/wiring reads it through BREACH_CONFIG. */
export const BUNDLED_CONFIG_FILE = 'breach.json';
export const LAMBDA_TASK_ROOT = '/var/task';

/** The esbuild options the bench (bench/bundle-bench.ts) reproduces exactly: keep the two in step. */
export const ESBUILD_TARGET = 'node24';
export const EXTERNAL_MODULES = ['@aws-sdk/*'];
/** middy and Powertools are ESM; a few CommonJS dependencies still call require(), which ESM lacks. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __portalCreateRequire } from 'node:module'; const require = __portalCreateRequire(import.meta.url);";

export function appBundlingOptions(breachConfigPath: string): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: ESBUILD_TARGET,
    mainFields: ['module', 'main'],
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    externalModules: EXTERNAL_MODULES,
    banner: ESM_REQUIRE_BANNER,
    forceDockerBundling: false,
    logLevel: LogLevel.WARNING,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      // The validated breach config travels inside the bundle, not in an env var (4 KB limit, and it is data).
      afterBundling: (_inputDir: string, outputDir: string) => [
        `cp "${breachConfigPath}" "${outputDir}/${BUNDLED_CONFIG_FILE}"`,
      ],
    },
  };
}

export interface AppFunctionProps {
  /** Handler file (absolute path); it exports `handler`. */
  entry: string;
  /** Powertools service name, e.g. create-check. */
  serviceName: string;
  metricsNamespace: string;
  breachConfigPath: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  projectRoot: string;
}

export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role with write access to its own log group only, instead of the account-wide basic execution policy.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      role,
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      bundling: appBundlingOptions(props.breachConfigPath),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        [ENV.powertoolsLogLevel]: 'INFO',
        [ENV.breachConfig]: `${LAMBDA_TASK_ROOT}/${BUNDLED_CONFIG_FILE}`,
        // Stack traces point into the TypeScript sources (the .map ships next to the bundle).
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Only the X-Ray actions of active tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) carry Resource *: X-Ray has no resource-level permissions.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason:
          'Emitted by the CDK table/queue/key grants for the one named customer-managed key (GenerateDataKey and GenerateDataKeyWithoutPlaintext); the resource is that key ARN.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason:
          'Emitted by the CDK table grants for the one named table key (ReEncryptFrom/To within that key); the resource is that key ARN.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::<DataAssistRequests345E0D61.Arn>/index/*]',
        reason:
          'The assist-request table has one GSI (byStatus) that the staff queue reads; the grant covers the indexes of that one table only.',
      },
    );
  }
}
