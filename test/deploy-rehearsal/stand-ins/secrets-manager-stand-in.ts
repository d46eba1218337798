import { randomInt } from 'node:crypto';
import { type RunningStandIn, ServiceError, startJsonProtocolServer } from './json-protocol-server';

/*
 * STAND-IN for AWS Secrets Manager (no emulator exists): `secretsmanager.GetSecretValue` over the real JSON 1.1
 * protocol, so the real SDK client in the bundles and in `portal import` runs unchanged. Each secret is seeded
 * with a value generated in exactly the format its template `GenerateSecretString` asks for, as Secrets Manager
 * does at deploy time — the rehearsal's whole point is that the readers agree on that format.
 */

export interface GenerateSecretString {
  PasswordLength?: number;
  ExcludePunctuation?: boolean;
  ExcludeNumbers?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  ExcludeCharacters?: string;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A value as Secrets Manager's GetRandomPassword makes it for these options (its defaults: 32 characters, all types). */
export function generateSecretString(options: GenerateSecretString): string {
  const excluded = new Set(options.ExcludeCharacters ?? '');
  const types = [
    options.ExcludeLowercase ? '' : LOWER,
    options.ExcludeUppercase ? '' : UPPER,
    options.ExcludeNumbers ? '' : DIGITS,
    options.ExcludePunctuation ? '' : PUNCTUATION,
    options.IncludeSpace ? ' ' : '',
  ]
    .map((set) => [...set].filter((c) => !excluded.has(c)).join(''))
    .filter((set) => set.length > 0);
  const all = types.join('');
  const length = options.PasswordLength ?? 32;
  for (;;) {
    const value = Array.from({ length }, () => all[randomInt(all.length)]).join('');
    const complete =
      !(options.RequireEachIncludedType ?? true) || types.every((set) => [...set].some((c) => value.includes(c)));
    if (complete) return value;
  }
}

export interface StandInSecret {
  arn: string;
  name: string;
  secretString: string;
}

export function startSecretsManagerStandIn(secrets: readonly StandInSecret[]): Promise<RunningStandIn> {
  const find = (id: unknown) => secrets.find((secret) => secret.arn === id || secret.name === id);
  return startJsonProtocolServer('secretsmanager', {
    GetSecretValue: (input) => {
      const secret = find(input.SecretId);
      if (!secret)
        throw new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return {
        ARN: secret.arn,
        Name: secret.name,
        SecretString: secret.secretString,
        VersionId: '00000000-0000-4000-8000-000000000001',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 1_700_000_000,
      };
    },
  });
}
