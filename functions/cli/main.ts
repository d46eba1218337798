import type { CliCommand, CliIo } from './cli-command';

/*
 * `portal <command>`: the operator CLI (DESIGN §7). Each command lives in its own file and is loaded only when
 * asked for, so `portal normalize` does not pay for the import tool's dependencies.
 */

export type { CliCommand, CliIo };

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

const COMMANDS: Record<string, CommandEntry> = {
  normalize: {
    summary: 'normalize <email|phone|customerNumber> <value>   print the normalised form, exit 1 if invalid',
    load: async () => (await import('./normalize-command')).normalizeCommand,
  },
  'staff-token': {
    summary: 'staff-token --user U --role agent|supervisor   print a staff bearer token for the local stack only',
    load: async () => (await import('./staff-token-command')).staffTokenCommand,
  },
  generate: {
    summary: 'generate --count N --out breach.csv [--seed S]   write synthetic Dutch breach data',
    load: async () => (await import('./generate-command')).generateCommand,
  },
  import: {
    summary:
      'import --input FILE [--map map.json] [--target local|aws|s3-files] [--out DIR] [--breach ID]   hash and load a breach file',
    load: async () => (await import('./import-command')).importCommand,
  },
  verify: {
    summary: 'verify --manifest FILE --table NAME [--target local|aws]   check a table against an import manifest',
    load: async () => (await import('./verify-command')).verifyCommand,
  },
  close: {
    summary:
      'close --template cdk.out/BreachPortal-<stage>.template.json [--dry-run]   delete all breach data at the closing date',
    load: async () => (await import('./close-command')).closeCommand,
  },
};

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out('Usage: portal <command> [options]\n\nCommands:');
    for (const entry of Object.values(COMMANDS)) io.out(`  ${entry.summary}`);
    return name ? 0 : 1;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`Unknown command "${name}". Run \`portal --help\` for the list.`);
    return 1;
  }
  const command = await entry.load();
  return command(rest, io);
}
