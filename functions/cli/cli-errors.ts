/*
 * The two ways a command stops early, and the exit code each gives (docs/import.md → Exit codes):
 *   UsageError  the command line is wrong (a missing or conflicting option): exit 2, with the hint to --help
 *   CliFailure  an expected failure (a file that cannot be read, no emulator at the endpoint): exit 1, the message
 *               only, never a stack trace
 * Anything else is unexpected: exit 1 with its message; the stack only with DEBUG set (main.ts).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
