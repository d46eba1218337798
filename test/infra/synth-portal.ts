import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { addPortalNagSuppressions } from '../../infra/nag-suppressions';
import { buildPortal, type PortalApp } from '../../infra/portal-app';

/*
 * Builds the app exactly as infra/app.ts does (cdk.json context, nag suppressions), with test overrides. The
 * shipped demo config names no site domain, so the test stacks allow the CloudFront default (allowDefaultDomain).
 * Synthesis bundles every Lambda with esbuild, so each test file synthesizes once and shares the templates.
 */

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const FIXTURE_HANDLER = 'test/infra/fixtures/handler.ts';
export const FIXTURE_SITE = 'test/infra/fixtures/site';

export interface SynthesizedPortal extends PortalApp {
  app: App;
  portalTemplate: Template;
  edgeTemplate: Template;
  nagErrors: string[];
  nagWarnings: string[];
}

export function synthPortal(context: Record<string, unknown> = {}): SynthesizedPortal {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: object };
  const app = new App({
    context: {
      ...cdkJson.context,
      'aws:cdk:enable-asset-metadata': true,
      siteAssetPath: FIXTURE_SITE,
      allowDefaultDomain: true,
      ...context,
    },
  });
  const built = buildPortal(app, PROJECT_ROOT);
  addPortalNagSuppressions(built.portal, built.edge);
  const nag = new AwsSolutionsChecks(app).validateScope(app);
  const paths = (severity: string) =>
    nag.violations
      .filter((v) => v.severity === severity)
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
  return {
    ...built,
    app,
    portalTemplate: Template.fromStack(built.portal),
    edgeTemplate: Template.fromStack(built.edge),
    nagErrors: paths('error'),
    nagWarnings: paths('warning'),
  };
}

/** The CloudFormation logical id of a construct's resource, to find it in a synthesized template. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as never);
}
