import { rmSync } from 'node:fs';
import { importBreach } from './breach-import';
import { byResource, type IamParityRow, iamParity } from './iam-parity';
import { deploy } from './rehearsal-deployment';
import { type StepOutcome, walkRoutes } from './route-walk';
import { synthesizeApp } from './synthesized-app';

/*
 * The deploy rehearsal (DESIGN §8, docs/rehearsal.md): synthesize, deploy onto emulators, load a breach with
 * `portal import --target aws`, walk every route through the synthesized bundles, then hold every AWS call each
 * function made against its synthesized IAM policy. Shared by `npm run rehearse` and the jest test.
 */

/** Prefix of the line `run-rehearsal.ts --json` prints the report on. */
export const REPORT_MARKER = 'REHEARSAL_REPORT ';

export interface RehearsalReport {
  steps: StepOutcome[];
  iam: IamParityRow[];
  /** One line per failure: function, call, error. Empty when the deployment would work. */
  failures: string[];
  seconds: number;
  /** Where the time went: synthesis (esbuild bundles), emulators and warm processes, `portal import`, the walk. */
  phases: Record<'synth' | 'deploy' | 'import' | 'walk', number>;
}

export async function rehearse(options: { breachConfigPath?: string } = {}): Promise<RehearsalReport> {
  const started = Date.now();
  let mark = started;
  const lap = () => {
    const seconds = (Date.now() - mark) / 1000;
    mark = Date.now();
    return seconds;
  };
  const app = synthesizeApp(options.breachConfigPath);
  const synth = lap();
  try {
    const deployment = await deploy(app);
    const deployed = lap();
    try {
      const steps: StepOutcome[] = [];
      const exposures = deployment.names
        .logicalIdsOfType('AWS::DynamoDB::Table')
        .find((id) => id.includes('Exposures'));
      try {
        await importBreach({
          pepperSecretArn: deployment.pepperSecretArn,
          table: deployment.names.tableName(exposures ?? ''),
          breachConfigPath: app.breachConfigPath,
          endpointEnv: deployment.endpointEnv,
          region: app.region,
        });
        steps.push({ step: 'portal import --target aws', ok: true, detail: 'breach loaded' });
      } catch (error) {
        steps.push({
          step: 'portal import --target aws',
          ok: false,
          detail: `operator CLI: ${(error as Error).message}`,
        });
      }
      const imported = lap();
      steps.push(...(await walkRoutes(deployment)));
      const walk = lap();
      const iam = iamParity(deployment);
      const failures = [
        ...steps.filter((s) => !s.ok).map((s) => `${s.step}: ${s.detail}`),
        ...iam.flatMap((row) => [
          ...byResource(row.missing).map((grants) => `${row.functionId} called without a grant: ${grants}`),
          ...byResource(row.unused).map((grants) => `${row.functionId} granted but never called: ${grants}`),
        ]),
      ];
      const phases = { synth, deploy: deployed, import: imported, walk };
      return { steps, iam, failures, seconds: (Date.now() - started) / 1000, phases };
    } finally {
      await deployment.stop();
    }
  } finally {
    rmSync(app.outdir, { recursive: true, force: true });
  }
}
