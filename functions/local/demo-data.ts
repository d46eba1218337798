import { createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BreachConfig } from '../core/breach-config';
import { FIELDS, type Field, type IdentifierType, sortFieldsByRisk } from '../core/fields';
import { hashIdentifier, type Pepper } from '../core/identifier-hash';
import { normaliseIdentifier } from '../core/identifiers';
import type { ExposureRecord, ExposureStore } from '../core/ports';

/*
 * Demo data for `npm start`: a handful of documented people (README "Demo addresses") plus a generated breach of
 * synthetic customers, so the tables look like a real import. Everything is stored as the import would store it:
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

export const DEFAULT_GENERATED_CUSTOMERS = 2000;

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

/** Deterministic synthetic customers: the same seed gives the same breach on every machine. */
export function generateDemoCustomers(count: number, seed = 20260207): DemoPerson[] {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: tiny, seedable, good enough to spread demo data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const customers: DemoPerson[] = [];
  for (let index = 0; index < count; index++) {
    const number = String(200000000 + index);
    const fields = FIELDS.filter((field) => field === 'customerNumber' || field === 'fullName' || random() < 0.7);
    const hasEmail = fields.includes('email');
    const hasPhone = fields.includes('phone');
    customers.push({
      label: `generated customer ${index + 1}`,
      customerNumber: number,
      email: hasEmail ? `klant${number}@demo.example.nl` : undefined,
      // 061–065 are ordinary Dutch mobile ranges (066 and up are pagers and other services).
      phone: hasPhone
        ? `06${1 + Math.floor(random() * 5)}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`
        : undefined,
      fields,
    });
  }
  return customers;
}

export interface DemoSeedResult {
  seeded: boolean;
  records: number;
}

const SEED_MARKER = 'demo-seed.json';
const BATCH = 500;

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

  const people = [...DEMO_PEOPLE, ...generateDemoCustomers(options.generatedCustomers ?? DEFAULT_GENERATED_CUSTOMERS)];
  const records = people.flatMap((person) => exposureRecordsFor(person, options.config, options.pepper));
  for (let start = 0; start < records.length; start += BATCH) {
    await options.exposures.putRecords(records.slice(start, start + BATCH));
  }
  const content = { breachId: options.config.id, records: records.length, seededAt: new Date().toISOString() };
  await writeFile(markerPath, `${JSON.stringify(content, null, 2)}\n`);
  return { seeded: true, records: records.length };
}

async function readMarker(path: string): Promise<{ breachId: string; records: number } | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as { breachId: string; records: number };
  } catch {
    return undefined;
  }
}
