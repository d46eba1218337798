import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './cli-command';
import { UsageError } from './cli-errors';
import { ClosePlanError, type CloseTemplate, renderClosePlan } from './close-plan';

/*
 * `portal close`: the close-down at the closing date (docs/deploy.md §10). Reads the synthesized template of the
 * portal stack (`npx cdk synth` writes cdk.out/BreachPortal-<stage>.template.json), prints the plan, and — without
 * --dry-run — runs it with bash once the operator types the stack name (or passes it as --confirm).
 */

/** Options of `portal close` as program.ts parsed them (config and deploy-config have defaults). */
export interface CloseCommandOptions {
  template: string;
  dryRun?: boolean;
  confirm?: string;
  region?: string;
  config: string;
  deployConfig: string;
  context?: string[];
}

/** The region cdk synth recorded for the stack (cdk.out/manifest.json), unless given. */
function regionOf(templatePath: string, stackName: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dirname(templatePath), 'manifest.json'), 'utf8')) as {
      artifacts?: Record<string, { environment?: string }>;
    };
    return manifest.artifacts?.[stackName]?.environment?.split('/').pop();
  } catch {
    return undefined;
  }
}

function importSourceOf(deployConfigPath: string): { bucketName: string; keyPrefix: string } | undefined {
  if (!existsSync(deployConfigPath)) return undefined;
  const config = JSON.parse(readFileSync(deployConfigPath, 'utf8')) as {
    exposuresTable?: { importSource?: { bucket?: string; keyPrefix?: string } };
  };
  const source = config.exposuresTable?.importSource;
  return source?.bucket ? { bucketName: source.bucket, keyPrefix: source.keyPrefix ?? '' } : undefined;
}

export async function closeCommand(values: CloseCommandOptions, io: CliIo): Promise<number> {
  const templatePath = values.template;
  // The values go into a bash script: only what context keys and values of this app look like.
  const unsafe = (values.context ?? []).find((pair) => !/^[A-Za-z][A-Za-z0-9]*=[A-Za-z0-9=._:/@+-]+$/.test(pair));
  if (unsafe !== undefined) {
    throw new UsageError(`--context must be KEY=VALUE without spaces or shell characters (got "${unsafe}")`);
  }
  const stackName = basename(templatePath).replace(/\.template\.json$/, '');
  const stage = /^BreachPortal-([a-z0-9]+)$/.exec(stackName)?.[1];
  if (!stage) {
    throw new UsageError(
      `--template must be the portal stack's template, cdk.out/BreachPortal-<stage>.template.json (got "${templatePath}")`,
    );
  }
  let plan: string;
  try {
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as CloseTemplate;
    const deployConfig = values.deployConfig;
    plan = renderClosePlan({
      template,
      stackName,
      region: values.region ?? regionOf(templatePath, stackName) ?? 'eu-west-1',
      cdkContext: [
        `-c config=${values.config}`,
        `-c stage=${stage}`,
        ...(existsSync(deployConfig) ? [`-c deployConfig=${deployConfig}`] : []),
        ...(values.context ?? []).map((pair) => `-c ${pair}`),
      ],
      importSource: importSourceOf(deployConfig),
    });
  } catch (error) {
    if (
      error instanceof ClosePlanError ||
      error instanceof SyntaxError ||
      (error as { code?: string }).code === 'ENOENT'
    ) {
      io.err(`Cannot make the close-down plan: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  io.out(plan.trimEnd());
  if (values.dryRun) return 0;

  let answer = values.confirm;
  if (answer === undefined) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    answer = (
      await prompt.question(`\nThis deletes every resource above for good. Type ${stackName} to go on: `)
    ).trim();
    prompt.close();
  }
  if (answer !== stackName) {
    io.err('Not confirmed: nothing was deleted.');
    return 1;
  }
  const child = spawn('bash', ['-c', plan], { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  if (code !== 0) io.err('The close-down stopped at the failing step above; fix it and run `portal close` again.');
  return code;
}
