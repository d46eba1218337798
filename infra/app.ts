import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { InvalidConfigError } from '../functions/core/errors';
import { InvalidDeployConfigError } from './deploy-config';
import { addPortalNagSuppressions } from './nag-suppressions';
import { buildPortal } from './portal-app';
import { InvalidContextError } from './portal-settings';

/*
 * `npx cdk synth|deploy --all [-c config=path/to/breach.json] [-c stage=prod] …` (docs/deploy.md). Two stacks:
 * the edge stack in us-east-1 (WAF, certificate) and the portal in its home region. Synth needs no credentials:
 * with none, the stacks are account-agnostic; `cdk deploy` fills in the account of the caller's credentials.
 */

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const app = new App();
let built: ReturnType<typeof buildPortal>;
try {
  built = buildPortal(app, projectRoot);
} catch (error) {
  // A bad breach config or context value: one line naming the key beats a stack trace.
  if (
    !(
      error instanceof InvalidConfigError ||
      error instanceof InvalidContextError ||
      error instanceof InvalidDeployConfigError
    )
  )
    throw error;
  console.error(`cdk: ${error.message}`);
  process.exit(1);
}
addPortalNagSuppressions(built.portal, built.edge);
// cdk-nag attaches as a validation plugin: the Aspects form crashes synth with this aws-cdk-lib.
Validations.of(app).addPlugins(new AwsSolutionsChecks());
app.synth();
// Only once the templates exist: the committed lock now says what the exposures table is created from.
built.settings.recordDeployedTables();
