import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EMAIL_SENDER, ROUTES } from '../../contract/routes';
import { buildPortal } from '../../infra/portal-app';
import type { CloudFormationTemplate } from './template-names';

/*
 * Synthesizes the app as infra/app.ts does (buildPortal with cdk.json's context, real handlers), into a temporary
 * cloud assembly under the project, so the bundles cdk wrote resolve `@aws-sdk/*` from node_modules the way the
 * Lambda runtime provides it. Only the site is a fixture: the rehearsal is about the API and the sender.
 */

export const PROJECT_ROOT = resolve('.');
const FIXTURE_SITE = 'test/infra/fixtures/site';

export interface SynthesizedFunction {
  /** Route id (CreateCheck …) or the sender's id (SendEmail). */
  id: string;
  logicalId: string;
  roleLogicalId: string;
  /** The asset directory `cdk deploy` would zip and upload. */
  bundleDir: string;
  staff: boolean;
}

export interface SynthesizedApp {
  outdir: string;
  /** The breach config the bundles carry; `portal import` must read the same one. */
  breachConfigPath: string;
  stackName: string;
  region: string;
  template: CloudFormationTemplate;
  functions: SynthesizedFunction[];
}

/** `breachConfigPath` is what `cdk -c config=…` would name; without it, cdk.json's. */
export function synthesizeApp(breachConfigPath?: string): SynthesizedApp {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: { config: string } };
  mkdirSync(join(PROJECT_ROOT, '.bench'), { recursive: true });
  const outdir = mkdtempSync(join(PROJECT_ROOT, '.bench', 'rehearsal-'));
  // One snapshot of the config for the synthesis and `portal import` alike, even if the file changes meanwhile.
  const configSnapshot = join(outdir, 'breach-config.json');
  copyFileSync(resolve(PROJECT_ROOT, breachConfigPath ?? cdkJson.context.config), configSnapshot);
  const app = new App({
    outdir,
    context: {
      ...cdkJson.context,
      'aws:cdk:enable-asset-metadata': true,
      siteAssetPath: FIXTURE_SITE,
      // The demo config names no site domain: a stack on the CloudFront default domain, as `npm run synth` makes.
      allowDefaultDomain: true,
      config: configSnapshot,
    },
  });
  const { portal, settings } = buildPortal(app, PROJECT_ROOT);
  const assembly = app.synth();
  const artifact = assembly.getStackByName(portal.stackName);
  const template = JSON.parse(readFileSync(join(outdir, artifact.templateFile), 'utf8')) as CloudFormationTemplate;
  const logicalIdOf = (construct: Construct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as never);
  const entries = [
    ...ROUTES.map((route) => ({
      id: route.id,
      appFunction: portal.api.functions[route.id],
      staff: route.access === 'staff',
    })),
    { id: EMAIL_SENDER.id, appFunction: portal.email.sender, staff: false },
  ];
  const functions = entries.map(({ id, appFunction, staff }) => {
    if (!appFunction) throw new Error(`the synthesized app has no function for ${id}`);
    const logicalId = logicalIdOf(appFunction.function);
    const resource = template.Resources[logicalId];
    const assetPath = resource?.Metadata?.['aws:asset:path'];
    if (!resource || typeof assetPath !== 'string') throw new Error(`${id}: the template names no bundled asset`);
    const role = (resource.Properties as { Role: { 'Fn::GetAtt': [string, string] } }).Role['Fn::GetAtt'][0];
    return { id, logicalId, roleLogicalId: role, bundleDir: join(outdir, assetPath), staff };
  });
  return {
    outdir,
    breachConfigPath: configSnapshot,
    stackName: portal.stackName,
    region: settings.region,
    template,
    functions,
  };
}
