import { ENV } from '../../contract/lambda-environment';
import type { TableKey } from '../../contract/tables';

/*
 * The Lambda environment, read by its names in contract/lambda-environment.ts (infra/lambda-environment.ts sets
 * them per route's grants). Read on the first invocation, never at import: importing a handler needs no AWS.
 */

type EnvName = (typeof ENV)[keyof typeof ENV];

export function requiredEnv(name: EnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/** An unset or empty variable is absent (the stack leaves optional ones out). */
export function optionalEnv(name: EnvName): string | undefined {
  return process.env[name] || undefined;
}

export function tableName(key: TableKey): string {
  const names = JSON.parse(requiredEnv(ENV.tableNames)) as Partial<Record<TableKey, string>>;
  const name = names[key];
  if (!name) throw new Error(`${ENV.tableNames} has no "${key}" table: check the route's grants`);
  return name;
}
