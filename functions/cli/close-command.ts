import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from './cli-command';
import { ClosePlanError, type CloseTemplate, renderClosePlan } from './close-plan';

/*
 * `portal close`: the close-down at the closing date (docs/deploy.md §10). Reads the synthesized template of the
 * portal stack (`npx cdk synth` writes cdk.out/BreachPortal-<stage>.template.json), prints the plan, and — without
 * --dry-run — runs it with bash once the operator types the stack name (or passes it as --confirm).
 */

const USAGE = `Usage: portal close --template cdk.out/BreachPortal-<stage>.template.json [--dry-run] [--confirm STACK]
  [--region REGION] [--config config/breach.json] [--deploy-config config/deploy.json] [--context KEY=VALUE …]
  --context: further -c values the stack was deployed with (e.g. siteDomain=…), passed on to cdk destroy`;

const OPTIONS = {
  template: { type: 'string' },
  'dry-run': { type: 'boolean' },
  confirm: { type: 'string' },
  region: { type: 'string' },
  config: { type: 'string', default: 'config/breach.json' },
  'deploy-config': { type: 'string', default: 'config/deploy.json' },
  context: { type: 'string', multiple: true },
} as const;

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

export const closeCommand: CliCommand = async (args, io) => {
  let values: {
    [K in keyof Omit<typeof OPTIONS, 'context'>]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
  } & { context?: string[] };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const templatePath = values.template;
  if (!templatePath) {
    io.err(`--template is required (run \`npx cdk synth\` first).\n${USAGE}`);
    return 1;
  }
  // The values go into a bash script: only what context keys and values of this app look like.
  const unsafe = (values.context ?? []).find((pair) => !/^[A-Za-z][A-Za-z0-9]*=[A-Za-z0-9=._:/@+-]+$/.test(pair));
  if (unsafe !== undefined) {
    io.err(`--context ${unsafe}: expected KEY=VALUE without spaces or shell characters.`);
    return 1;
  }
  const stackName = basename(templatePath).replace(/\.template\.json$/, '');
  const stage = /^BreachPortal-([a-z0-9]+)$/.exec(stackName)?.[1];
  if (!stage) {
    io.err(`${templatePath} is not the portal stack's template (expected BreachPortal-<stage>.template.json).`);
    return 1;
  }
  let plan: string;
  try {
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as CloseTemplate;
    const deployConfig = values['deploy-config'] ?? 'config/deploy.json';
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
  if (values['dry-run']) return 0;

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
};
