import type { App } from 'aws-cdk-lib';
import { EdgeStack } from './edge-stack';
import { type PortalSettings, readPortalSettings } from './portal-settings';
import { PortalStack } from './portal-stack';

/*
 * Builds both stacks from the app's context. Shared by infra/app.ts (the CDK CLI) and the infra tests, so the
 * tests assert on exactly what `cdk deploy` would deploy.
 */

export interface PortalApp {
  settings: PortalSettings;
  edge: EdgeStack;
  portal: PortalStack;
}

/** CloudFront's WAF web ACLs and certificates exist only in this region. */
export const EDGE_REGION = 'us-east-1';

export function buildPortal(app: App, projectRoot: string): PortalApp {
  const settings = readPortalSettings((key) => app.node.tryGetContext(key), projectRoot);
  // Undefined without credentials: the templates stay account-agnostic and synth works offline.
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const prefix = `BreachPortal-${settings.stage}`;
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { account, region: EDGE_REGION },
    crossRegionReferences: true,
    description: 'Breach-lookup portal: WAF web ACL and certificate for CloudFront (us-east-1)',
    checksPerIpPerMinute: settings.breachConfig.limits.checksPerIpPerMinute,
    certificateDomain: settings.siteDomain && !settings.siteCertificateArn ? settings.siteDomain : undefined,
  });
  const portal = new PortalStack(app, prefix, {
    env: { account, region: settings.region },
    crossRegionReferences: true,
    description: `Breach-lookup portal for ${settings.breachConfig.id} (${settings.stage})`,
    settings,
    projectRoot,
    webAclArn: edge.webAclArn,
    edgeCertificate: edge.certificate,
  });
  return { settings, edge, portal };
}
