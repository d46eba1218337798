/*
 * What a command of `portal` is (functions/cli/main.ts loads each on demand). In its own file so the commands and
 * main.ts, which imports them, do not import each other.
 */

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
