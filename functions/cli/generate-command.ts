import { parseArgs } from 'node:util';
import { writeSyntheticBreach } from '../import/synthetic-breach';
import type { CliCommand } from './cli-command';

const USAGE = 'Usage: portal generate --count N --out breach.csv [--seed S]';

export const generateCommand: CliCommand = async (args, io) => {
  let values: { count?: string; out?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const count = Number(values.count);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!values.out || !Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(seed)) {
    io.err(USAGE);
    return 1;
  }
  const started = Date.now();
  try {
    await writeSyntheticBreach(values.out, { count, seed });
  } catch (error) {
    io.err(`Cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    return 1;
  }
  const seconds = (Date.now() - started) / 1000;
  io.out(`Wrote ${count} synthetic rows to ${values.out} in ${seconds.toFixed(1)} s (seed ${seed}).`);
  return 0;
};
