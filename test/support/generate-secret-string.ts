import { randomInt } from 'node:crypto';

/*
 * A secret string exactly as Secrets Manager's GenerateSecretString makes it, from the options the synthesized
 * template holds (e.g. the pepper secret's), so tests feed the readers the format `cdk deploy` really creates.
 *
 *   const options = template.Resources[pepperId].Properties.GenerateSecretString;
 *   const secretString = generateLikeSecretsManager(options);
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
const KNOWN_OPTIONS = [
  'PasswordLength',
  'ExcludePunctuation',
  'ExcludeUppercase',
  'ExcludeLowercase',
  'ExcludeNumbers',
  'IncludeSpace',
  'ExcludeCharacters',
  'RequireEachIncludedType',
];

/** What Secrets Manager's GetRandomPassword makes for these options (its documented defaults: length 32, all kinds). */
export function generateLikeSecretsManager(options: GenerateSecretString): string {
  // An option this generator does not know would make the generated secret differ from the deployed one.
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.includes(key));
  if (unknown.length > 0) throw new Error(`GenerateSecretString options not modelled here: ${unknown.join(', ')}`);
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
