import { randomInt } from 'node:crypto';

/*
 * A secret value as Secrets Manager generates it for a template's `GenerateSecretString` (its GetRandomPassword
 * rules, documented defaults: 32 characters, every kind). The pepper contract test and the deploy rehearsal seed
 * their Secrets Manager stand-in with it, so the readers meet exactly the format `cdk deploy` creates.
 *
 *   const options = template.Resources[pepperId].Properties.GenerateSecretString;
 *   const secretString = generateLikeSecretsManager(options);   // throws on an option it does not know
 */

export interface GenerateSecretString {
  PasswordLength?: number;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  ExcludeNumbers?: boolean;
  IncludeSpace?: boolean;
  ExcludeCharacters?: string;
  RequireEachIncludedType?: boolean;
}

export const KNOWN_OPTIONS: readonly string[] = [
  'PasswordLength',
  'ExcludePunctuation',
  'ExcludeUppercase',
  'ExcludeLowercase',
  'ExcludeNumbers',
  'IncludeSpace',
  'ExcludeCharacters',
  'RequireEachIncludedType',
];

export function generateLikeSecretsManager(options: GenerateSecretString): string {
  // An option this generator does not know would make its value differ from the deployed one.
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.includes(key));
  if (unknown.length > 0) throw new Error(`GenerateSecretString option(s) not reproduced: ${unknown.join(', ')}`);
  const exclude = new Set(options.ExcludeCharacters ?? '');
  const kinds = [
    options.ExcludeUppercase ? '' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    options.ExcludeLowercase ? '' : 'abcdefghijklmnopqrstuvwxyz',
    options.ExcludeNumbers ? '' : '0123456789',
    options.ExcludePunctuation ? '' : '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
    options.IncludeSpace ? ' ' : '',
  ]
    .map((kind) => [...kind].filter((char) => !exclude.has(char)).join(''))
    .filter(Boolean);
  const all = kinds.join('');
  for (;;) {
    const text = Array.from({ length: options.PasswordLength ?? 32 }, () => all[randomInt(all.length)]).join('');
    if (options.RequireEachIncludedType === false || kinds.every((kind) => [...text].some((c) => kind.includes(c))))
      return text;
  }
}
