import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addPortalNagSuppressions } from './nag-suppressions';
import { buildPortal } from './portal-app';

/*
 * `npx cdk synth|deploy --all [-c config=path/to/breach.json] [-c stage=prod] …` (docs/deploy.md). Two stacks:
 * the edge stack in us-east-1 (WAF, certificate) and the portal in its home region. Synth needs no credentials:
 * with none, the stacks are account-agnostic; `cdk deploy` fills in the account of the caller's credentials.
 */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const app = new App();
const { portal, edge } = buildPortal(app, projectRoot);
addPortalNagSuppressions(portal, edge);
// cdk-nag attaches as a validation plugin: the Aspects form crashes synth with this aws-cdk-lib.
Validations.of(app).addPlugins(new AwsSolutionsChecks());
app.synth();
