import { writeSyntheticBreach } from '../import/synthetic-breach';
import type { CliIo } from './cli-command';
import { CliFailure } from './cli-errors';

/** Options of `portal generate` (program.ts checks that count is a whole number ≥ 0 and seed a whole number). */
export interface GenerateCommandOptions {
  count: number;
  out: string;
  seed: number;
}

export async function generateCommand({ count, out, seed }: GenerateCommandOptions, io: CliIo): Promise<number> {
  const started = Date.now();
  try {
    await writeSyntheticBreach(out, { count, seed });
  } catch (error) {
    throw new CliFailure(`Cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const seconds = (Date.now() - started) / 1000;
  io.out(`Wrote ${count} synthetic rows to ${out} in ${seconds.toFixed(1)} s (seed ${seed}).`);
  return 0;
}
