import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { DEFAULT_COLUMNS } from './import-columns';

/*
 * `portal generate`: synthetic Dutch breach data in the default column layout, for demos, tests and the bench.
 * Deterministic (same seed and count → same bytes), fast (a seeded xorshift generator and plain string building),
 * and realistically untidy: several phone notations, some empty fields, families sharing an email address, names
 * quoted because they hold a comma, and a small share of invalid identifiers that the import must reject.
 * Every person here is made up; the numbers are valid in form only.
 */

const FIRST_NAMES = [
  'Jan',
  'Sanne',
  'Daan',
  'Emma',
  'Lucas',
  'Julia',
  'Sem',
  'Tess',
  'Finn',
  'Sophie',
  'Milan',
  'Fleur',
  'Bram',
  'Lotte',
  'Thijs',
  'Anouk',
  'Ruben',
  'Lieke',
  'Jesse',
  'Noor',
  'Pieter',
  'Maria',
  'Kees',
  'Ingrid',
  'Hendrik',
  'Wilma',
  'Mohamed',
  'Fatima',
  'Youssef',
  'Aylin',
];
const SURNAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van der Heijden',
  'El Amrani',
  'Yilmaz',
];
const STREETS = [
  'Kerkstraat',
  'Dorpsstraat',
  'Schoolstraat',
  'Molenweg',
  'Stationsweg',
  'Hoofdstraat',
  'Julianastraat',
  'Beatrixlaan',
  'Wilhelminastraat',
  'Nieuwstraat',
  'Kastanjelaan',
  'Eikenlaan',
  'Parallelweg',
  'Oranjestraat',
  'Marktplein',
  'Sportlaan',
  'Prinses Irenestraat',
  'Burgemeester de Withstraat',
];
const CITIES = [
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'Utrecht',
  'Eindhoven',
  'Groningen',
  'Tilburg',
  'Almere',
  'Breda',
  'Nijmegen',
  'Apeldoorn',
  'Haarlem',
  'Arnhem',
  'Enschede',
  'Amersfoort',
  'Zaanstad',
  "'s-Hertogenbosch",
  'Zwolle',
  'Leiden',
  'Maastricht',
];
const MAIL_DOMAINS = [
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'ziggo.nl',
  'kpnmail.nl',
  'live.nl',
  'xs4all.nl',
  'planet.nl',
  'home.nl',
  'icloud.com',
];
const BANKS = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'];
const DOCUMENT_TYPES = ['paspoort', 'identiteitskaart', 'rijbewijs'];
const DOCUMENT_LETTERS = [...'ABCDEFGHIJKLMNPQRSTUVWXYZ']; // no O: Dutch document numbers avoid it
const POSTCODE_LETTERS = [...'ABCEGHJKLMNPRTVWXZ'];
const HOUSE_NUMBER_SUFFIXES = ['a', 'b', 'c'];

/** xorshift32: tiny, fast and seedable; quality is ample for test data. */
function createRandom(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** NL IBAN with correct ISO 7064 mod-97 check digits. */
function iban(bank: string, account: string): string {
  const digits = `${[...bank].map((c) => c.charCodeAt(0) - 55).join('')}${account}232100`; // N=23 L=21, then "00"
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `NL${pad(98 - remainder, 2)}${bank}${account}`;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
}

/** Yields the CSV text in blocks of rows (header first). */
export function* syntheticBreachCsv({ count, seed = 1 }: GenerateOptions, rowsPerBlock = 4096): Generator<string> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  let block = `${DEFAULT_COLUMNS.join(',')}\n`;
  let familyEmail = '';
  let familySurname = '';
  for (let index = 0; index < count; index++) {
    // A bijection on 9-digit numbers (7919 is prime to 9e8): unique, unordered customer numbers.
    const customerNumber = String(100_000_000 + ((index * 7919 + seed * 104_729) % 900_000_000));
    const inFamily = familyEmail !== '' && chance(0.12);
    const first = pick(FIRST_NAMES);
    const surname = inFamily ? familySurname : pick(SURNAMES);
    // Some systems store "surname, first name": the comma makes the field quoted.
    const fullName = chance(0.1) ? `"${surname}, ${first}"` : `${first} ${surname}`;
    const hasAddress = !chance(0.04);
    const mobileDigits = `6${1 + Math.floor(random() * 5)}${pad(Math.floor(random() * 10_000_000), 7)}`;
    const notation = random();
    let mobile =
      notation < 0.4
        ? `0${mobileDigits}`
        : notation < 0.65
          ? `0${mobileDigits.slice(0, 1)}-${mobileDigits.slice(1)}`
          : notation < 0.85
            ? `+31${mobileDigits}`
            : notation < 0.95
              ? `+31 ${mobileDigits.slice(0, 1)} ${mobileDigits.slice(1, 5)} ${mobileDigits.slice(5)}`
              : `0031${mobileDigits}`;
    if (chance(0.08)) mobile = '';
    else if (chance(0.002)) mobile = mobile.slice(0, 5); // a truncated number: rejected as invalid_phone
    let email = inFamily
      ? familyEmail
      : `${first.toLowerCase()}.${surname.toLowerCase().replaceAll(' ', '')}${Math.floor(random() * 1000)}@${pick(MAIL_DOMAINS)}`;
    if (!inFamily) {
      familyEmail = email;
      familySurname = surname;
    }
    if (chance(0.05)) email = '';
    else if (chance(0.002)) email = email.replace('@', ' at '); // rejected as invalid_email
    const account = pad(Math.floor(random() * 10_000_000_000), 10);
    const birth = `${1935 + Math.floor(random() * 72)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const hasDocument = !chance(0.3);
    let documentNumber = '';
    for (let i = 0; i < 8; i++)
      documentNumber += i < 2 || chance(0.5) ? pick(DOCUMENT_LETTERS) : String(Math.floor(random() * 10));
    documentNumber += String(Math.floor(random() * 10));
    block +=
      `${customerNumber},${fullName},` +
      (hasAddress
        ? `${pick(STREETS)},${1 + Math.floor(random() * 250)}${chance(0.1) ? pick(HOUSE_NUMBER_SUFFIXES) : ''},` +
          `${1 + Math.floor(random() * 9)}${pad(Math.floor(random() * 1000), 3)} ${pick(POSTCODE_LETTERS)}${pick(POSTCODE_LETTERS)},${pick(CITIES)},`
        : ',,,,') +
      `${mobile},${email},${chance(0.15) ? '' : iban(pick(BANKS), account)},${chance(0.03) ? '' : birth},` +
      (hasDocument
        ? `${pick(DOCUMENT_TYPES)},${documentNumber},${2024 + Math.floor(random() * 12)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}\n`
        : ',,\n');
    if ((index + 1) % rowsPerBlock === 0) {
      yield block;
      block = '';
    }
  }
  if (block !== '') yield block;
}

/** Writes the file under a temporary name first, so an interrupted run leaves no half file under the real name. */
export async function writeSyntheticBreach(path: string, options: GenerateOptions): Promise<void> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  const failed = once(stream, 'error').then(([error]) => {
    throw error;
  });
  failed.catch(() => {});
  for (const block of syntheticBreachCsv(options)) {
    if (!stream.write(block)) await Promise.race([once(stream, 'drain'), failed]);
  }
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  await rename(partial, path);
}
