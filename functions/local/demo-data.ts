import { createHmac } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BreachConfig } from '../core/breach-config';
import { FIELDS, type Field, type IdentifierType, sortFieldsByRisk } from '../core/fields';
import { hashIdentifier, type Pepper } from '../core/identifier-hash';
import { normaliseIdentifier } from '../core/identifiers';
import type { ExposureRecord, ExposureStore } from '../core/ports';
import { runImport } from '../import/run-import';
import { writeSyntheticBreach } from '../import/synthetic-breach';

/*
 * Demo data for `npm start`: a handful of documented people (README "Demo addresses") plus a generated breach of
 * synthetic customers imported through the real pipeline, so the tables look like a real import. Everything is stored as the import would store it:
 * keyed hashes under the local pepper, never a plaintext identifier.
 */

export interface DemoPerson {
  /** What the README calls this person. */
  label: string;
  email?: string;
  phone?: string;
  customerNumber?: string;
  fields: Field[];
}

/** Customers a person can try by hand; the family address is shared by two records. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    label: 'affected, all fields',
    email: 'demo.all@example.nl',
    phone: '06 12345678',
    customerNumber: '100000001',
    fields: [...FIELDS],
  },
  {
    label: 'affected, email + name + customer number',
    email: 'demo.few@example.nl',
    customerNumber: '100000002',
    fields: ['email', 'fullName', 'customerNumber'],
  },
  {
    label: 'family address, record 1 of 2',
    email: 'demo.family@example.nl',
    phone: '06 22334455',
    customerNumber: '100000003',
    fields: ['email', 'fullName', 'address', 'phone', 'customerNumber'],
  },
  {
    label: 'family address, record 2 of 2',
    email: 'demo.family@example.nl',
    customerNumber: '100000004',
    fields: ['email', 'fullName', 'iban', 'dateOfBirth', 'customerNumber'],
  },
  {
    // No email in the record: only staff can find this customer (DESIGN §5), by phone or customer number.
    label: 'no email on record (staff lookup only)',
    phone: '06 87654321',
    customerNumber: '100000005',
    fields: ['fullName', 'address', 'phone', 'customerNumber', 'dateOfBirth'],
  },
];

/** Not in the breach: a check for it must get the "no record found" mail. */
export const DEMO_NOT_AFFECTED_EMAIL = 'not.affected@example.nl';

/** What to type into the form, and what it shows: the start banner prints this (the README has the same table). */
export const DEMO_ADDRESSES: readonly { email: string; outcome: string }[] = [
  { email: 'demo.all@example.nl', outcome: 'affected: all fields' },
  { email: 'demo.few@example.nl', outcome: 'affected: email, name and customer number only' },
  { email: 'demo.family@example.nl', outcome: 'affected: two records share this address' },
  { email: DEMO_NOT_AFFECTED_EMAIL, outcome: 'not in the breach: gets the "no record found" mail' },
];

/** Not in the breach (and clear of the generated numbers, seed 1): a phone check for it gets the "no record" text. */
export const DEMO_NOT_AFFECTED_PHONE = '06 11111111';

/** What to type into "by mobile number", and what it texts (the README has the same table). */
export const DEMO_MOBILE_NUMBERS: readonly { phone: string; outcome: string }[] = [
  { phone: '06 87654321', outcome: 'affected, no email on record: the text links to the result' },
  { phone: '06 12345678', outcome: 'affected: all fields' },
  { phone: DEMO_NOT_AFFECTED_PHONE, outcome: 'not in the breach: gets the "no record for this number" text' },
];

export const DEFAULT_GENERATED_CUSTOMERS = 2000;
// Seed 1 keeps the generated customer numbers at 100104729 and up, clear of the demo people's 10000000N.
const DEMO_BREACH_SEED = 1;

/** Keyed like identifiers, so a subject id names a record without revealing which. */
function subjectIdFor(pepper: Pepper, breachId: string, customerNumber: string): string {
  return createHmac('sha256', pepper).update(`v1|subject|${breachId}|${customerNumber}`).digest('base64url');
}

/** One ExposureRecord per identifier the person can be found by, all naming the same subject. */
export function exposureRecordsFor(person: DemoPerson, config: BreachConfig, pepper: Pepper): ExposureRecord[] {
  const fields = sortFieldsByRisk(person.fields.filter((field) => config.exposedFields.includes(field)));
  const subjectId = subjectIdFor(pepper, config.id, person.customerNumber ?? person.email ?? person.phone ?? '');
  const identifiers: [IdentifierType, string | undefined][] = [
    ['email', person.email],
    ['phone', person.phone],
    ['customerNumber', person.customerNumber],
  ];
  return identifiers
    .filter((entry): entry is [IdentifierType, string] => entry[1] !== undefined)
    .map(([type, value]) => {
      const normalised = normaliseIdentifier(type, value, {
        customerNumberPattern: config.customerNumberPattern,
        defaultPhoneRegion: config.defaultPhoneRegion,
      });
      return { identifierHash: hashIdentifier(pepper, type, normalised), breachId: config.id, subjectId, fields };
    });
}

/**
 * The generated part of the demo breach goes through the real import pipeline (`portal generate` + `portal import`):
 * a synthetic raw file, hashed on worker threads into the store. The raw file is deleted afterwards, so LOCAL_DIR
 * holds what a deployment holds: keyed hashes only.
 */
async function importGeneratedBreach(options: {
  localDir: string;
  config: BreachConfig;
  pepper: Pepper;
  exposures: ExposureStore;
  count: number;
}): Promise<number> {
  const rawFile = join(options.localDir, 'demo-breach.csv');
  await writeSyntheticBreach(rawFile, { count: options.count, seed: DEMO_BREACH_SEED });
  try {
    const summary = await runImport({
      inputPath: rawFile,
      pepper: options.pepper,
      breachId: options.config.id,
      customerNumberPattern: options.config.customerNumberPattern,
      defaultPhoneRegion: options.config.defaultPhoneRegion,
      sink: { kind: 'store', store: options.exposures },
      // The generator deliberately includes a few malformed rows; their rejects stay for a curious reader.
      rejectsPath: join(options.localDir, 'demo-breach.rejects.csv'),
      workers: 1,
    });
    return summary.identifiers;
  } finally {
    await rm(rawFile, { force: true });
  }
}

export interface DemoSeedResult {
  seeded: boolean;
  records: number;
}

const SEED_MARKER = 'demo-seed.json';

/**
 * Writes the demo people and the generated breach once per LOCAL_DIR; a marker file records it, so a second start
 * reuses the data (and a breach config with another id seeds again).
 */
export async function seedDemoDataOnce(options: {
  localDir: string;
  config: BreachConfig;
  pepper: Pepper;
  exposures: ExposureStore;
  generatedCustomers?: number;
}): Promise<DemoSeedResult> {
  const markerPath = join(options.localDir, SEED_MARKER);
  const marker = await readMarker(markerPath);
  if (marker?.breachId === options.config.id) return { seeded: false, records: marker.records };

  const records = DEMO_PEOPLE.flatMap((person) => exposureRecordsFor(person, options.config, options.pepper));
  await options.exposures.putRecords(records);
  const generated = await importGeneratedBreach({
    ...options,
    count: options.generatedCustomers ?? DEFAULT_GENERATED_CUSTOMERS,
  });
  const total = records.length + generated;
  const content = { breachId: options.config.id, records: total, seededAt: new Date().toISOString() };
  await writeFile(markerPath, `${JSON.stringify(content, null, 2)}\n`);
  return { seeded: true, records: total };
}

async function readMarker(path: string): Promise<{ breachId: string; records: number } | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as { breachId: string; records: number };
  } catch {
    return undefined;
  }
}
