import { CommanderError } from 'commander';
import { PortalError } from '../core/errors';
import type { CliIo } from './cli-command';
import { CliFailure, UsageError } from './cli-errors';
import { buildProgram } from './program';

/*
 * `portal <command>`: the operator CLI (DESIGN §7), on commander (program.ts declares every command and option).
 * Exit codes, the same for every command (docs/import.md → Exit codes):
 *   0  done (also `--help` and `--version`)
 *   1  the command ran and failed: an expected failure prints its message (no stack trace); an unexpected error its
 *      message too, and its stack only with DEBUG set
 *   2  the command line is wrong: unknown command or option, a missing or bad value (the message names it), or no
 *      command at all (the help goes to stderr)
 */

export type { CliIo };

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander has already printed its message (and the hint to --help) for its own errors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    const commandName = argv[0] ?? '';
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      io.err(`Run \`portal ${commandName} --help\` for the options.`);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      io.err(error.message);
      return EXIT_FAILURE;
    }
    if (error instanceof PortalError) {
      // E.g. an unreadable or invalid breach config ($BREACH_CONFIG): the message names the file and the key.
      io.err(error.message);
      if (error.code === 'invalid_config') {
        io.err('Point BREACH_CONFIG at a readable, valid breach config, or unset it for config/breach.json.');
      }
      return EXIT_FAILURE;
    }
    io.err(`portal ${commandName} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.DEBUG) io.err(String((error as Error)?.stack ?? ''));
    else io.err('Set DEBUG=1 to see where (the stack trace).');
    return EXIT_FAILURE;
  }
}
