import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ENV } from '../../contract/lambda-environment';
import { type BreachConfig, parseBreachConfig } from '../core/breach-config';
import { InvalidConfigError } from '../core/errors';

/** The demo (seed incident) configuration that ships with the project. */
export const DEFAULT_BREACH_CONFIG_PATH = fileURLToPath(new URL('../../config/breach.json', import.meta.url));

/** The breach config in force: $BREACH_CONFIG when set, else the shipped demo config. */
export function breachConfigPathFromEnv(): string {
  return process.env[ENV.breachConfig] || DEFAULT_BREACH_CONFIG_PATH;
}

/**
 * Reads and validates the breach configuration: `path`, else $BREACH_CONFIG, else the shipped demo config.
 * The one loading path: the CLI, the local stack and the deployed Lambdas (functions/wiring/deployed-services.ts,
 * which read the copy the CDK app validated and bundled) all read the file through here.
 */
export async function loadBreachConfig(path = breachConfigPathFromEnv()): Promise<BreachConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidConfigError('(file)', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidConfigError('(file)', `${path} is not valid JSON`);
  }
  return parseBreachConfig(json);
}
