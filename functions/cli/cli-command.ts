/*
 * Where a command of `portal` writes (functions/cli/main.ts runs each on demand through program.ts). In its own
 * file so the commands and main.ts, which loads them, do not import each other.
 */

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}
