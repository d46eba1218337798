import { readFileSync } from 'node:fs';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { IDENTIFIER_TYPES } from '../core/fields';
import { STAFF_GROUPS } from '../core/staff/staff-roles';
import type { CliIo } from './cli-command';
import type { CloseCommandOptions } from './close-command';
import type { GenerateCommandOptions } from './generate-command';
import type { ImportCommandOptions } from './import-command';
import type { StaffTokenCommandOptions } from './staff-token-command';
import type { VerifyCommandOptions } from './verify-command';

/*
 * Every command and option of `portal`, declared up front so commander can check the command line and print
 * `--help` for each command before anything else loads. The actions import their command's module only when it
 * runs: `portal normalize` does not pay for the import tool's dependencies (the AWS SDK, worker threads).
 */

/** An option value that must be a whole number in [min, max]; commander prefixes the option and the value. */
function wholeNumber(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  const range =
    min === Number.MIN_SAFE_INTEGER
      ? ''
      : max === Number.MAX_SAFE_INTEGER
        ? ` from ${min} up`
        : ` from ${min} to ${max}`;
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`Expected a whole number${range}.`);
    }
    return value;
  };
}

/*
 * Required options, checked after commander's own checks rather than with requiredOption(): commander reports a
 * missing mandatory option before an unknown one, so a typo (`--inptu`) would read "--input not specified".
 */
const REQUIRED = new WeakSet<Option>();
function required(flags: string, description: string): Option {
  const option = new Option(flags, `${description} (required)`);
  REQUIRED.add(option);
  return option;
}

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The exit code the action returned; commander's own errors (usage, --help, --version) are thrown instead. */
export type ExitCodeSink = (code: number) => void;

export function buildProgram(io: CliIo, setExitCode: ExitCodeSink): Command {
  const program = new Command('portal')
    .description("The breach portal's operator tool (DESIGN §7): import, verify, generate, close and local helpers.")
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show the help of portal or of a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
    })
    .showHelpAfterError('Run `portal --help` for the commands.');
  program.helpCommand('help [command]', 'show the help of a command');
  program.hook('preAction', (_program, action) => {
    const missing = action.options.find(
      (option) => REQUIRED.has(option) && action.getOptionValue(option.attributeName()) === undefined,
    );
    if (missing) {
      action.error(`error: required option '${missing.flags}' not specified`, {
        code: 'commander.missingMandatoryOptionValue',
      });
    }
  });

  // Subcommands copy the parent's settings (exit override, output) when created; each names its own help.
  const command = (name: string) =>
    program.command(name).showHelpAfterError(`Run \`portal ${name} --help\` for the options.`);

  command('normalize')
    .description('print the normalised form of an identifier (exit 1 if it is not valid)')
    .addArgument(new Argument('<type>', 'the identifier type').choices(IDENTIFIER_TYPES))
    .argument('<value>', 'the value to normalise')
    .action(async (type: string, value: string) => {
      setExitCode(await (await import('./normalize-command')).normalizeCommand({ type, value }, io));
    });

  command('staff-token')
    .description('print a staff bearer token for the local stack only (the deployed API trusts Cognito)')
    .addOption(required('--user <name>', 'the staff user name (letters, digits and . _ @ + -, at most 128)'))
    .addOption(required('--role <role>', 'the staff role').choices(STAFF_GROUPS))
    .option('--minutes <n>', 'how long the token is valid', wholeNumber(1, 720), 480)
    .action(async (options: StaffTokenCommandOptions) => {
      setExitCode(await (await import('./staff-token-command')).staffTokenCommand(options, io));
    });

  command('generate')
    .description('write synthetic Dutch breach data (CSV) for tests and benchmarks')
    .addOption(required('--count <n>', 'number of rows').argParser(wholeNumber(0)))
    .addOption(required('--out <file>', 'the CSV file to write'))
    .option('--seed <n>', 'random seed (the same seed gives the same file)', wholeNumber(), 1)
    .action(async (options: GenerateCommandOptions) => {
      setExitCode(await (await import('./generate-command')).generateCommand(options, io));
    });

  command('import')
    .description('hash a breach file and load it (local emulator, the deployed table, or files for ImportTable)')
    .addOption(required('--input <file>', 'the breach CSV'))
    .option('--map <file>', 'column map JSON for other headers (docs/import.md)')
    .addOption(
      new Option('--target <target>', 'where the items go').choices(['local', 'aws', 's3-files']).default('local'),
    )
    .option('--out <dir>', 's3-files: the output folder (data/ and manifest.json)')
    .option('--breach <id>', 'the breach id (default: the id of the breach config)')
    .option('--rejects <file>', 'where rejected rows are listed (default: import-rejects.csv, or <out>/rejects.csv)')
    .option('--pepper-file <file>', 's3-files: a file holding the pepper text')
    .option('--pepper-secret-id <id>', 'aws, s3-files: the pepper secret (the stack output PepperSecretArn)')
    .option('--table <name>', 'aws: the exposures table (local: default the local exposures table)')
    .option('--endpoint <url>', 'local: the DynamoDB emulator (default http://127.0.0.1:$DYNAMODB_PORT or :8000)')
    .option('--workers <n>', 'hashing worker threads (default: the number of cores)', wholeNumber(1))
    .option('--merge-existing', "local, aws: add a further file of the same breach, merging each subject's fields")
    .option('--concurrency <n>', 'local, aws: BatchWriteItem requests in flight', wholeNumber(1, 256), 16)
    .option('--checkpoint <file>', 'local, aws: resume state (default import-checkpoint.json beside the rejects)')
    .option('--json', 'print the summary as one JSON object on stdout (docs/import.md → --json)')
    .action(async (options: ImportCommandOptions) => {
      setExitCode(await (await import('./import-command')).importCommand(options, io));
    });

  command('verify')
    .description('check a table (or an S3 upload) against the manifest of an import')
    .addOption(required('--manifest <file>', 'import-manifest.json (local, aws) or out/manifest.json (s3-files)'))
    .option('--table <name>', 'the table to check')
    .option('--s3 <url>', 'instead of --table: s3://bucket/prefix/ holds exactly the files of the manifest')
    .addOption(new Option('--target <target>', 'where the table is').choices(['local', 'aws']).default('aws'))
    .option('--endpoint <url>', 'local: the DynamoDB emulator (default http://127.0.0.1:$DYNAMODB_PORT or :8000)')
    .option('--no-count', 'skip counting the items of the breach (a scan of the whole table)')
    .option('--json', 'print the result as one JSON object on stdout (docs/import.md → --json)')
    .action(async (options: VerifyCommandOptions) => {
      setExitCode(await (await import('./verify-command')).verifyCommand(options, io));
    });

  command('close')
    .description('delete all breach data at the closing date (docs/deploy.md §10)')
    .addOption(required('--template <file>', 'cdk.out/BreachPortal-<stage>.template.json (run `npx cdk synth` first)'))
    .option('--dry-run', 'print the plan only')
    .option('--confirm <stack>', 'the stack name, instead of typing it')
    .option('--region <region>', 'default: the region cdk synth recorded')
    .option('--config <file>', 'the breach config the stack was deployed with', 'config/breach.json')
    .option('--deploy-config <file>', 'the deploy config the stack was deployed with', 'config/deploy.json')
    .option('--context <pair...>', 'further -c KEY=VALUE the stack was deployed with, passed on to cdk destroy')
    .action(async (options: CloseCommandOptions) => {
      setExitCode(await (await import('./close-command')).closeCommand(options, io));
    });

  return program;
}
