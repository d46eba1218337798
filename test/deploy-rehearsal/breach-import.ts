import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_COLUMNS, FIELD_OF_COLUMN, type ImportColumn } from '../../functions/import/import-columns';
import { NODE_24 } from './bundle-host';

/*
 * Loads a small breach with the operator CLI's deployed path, as docs/deploy.md tells an operator to:
 * `portal import --target aws --pepper-secret-id <arn> --table <name>`, as a subprocess of bin/portal.mjs, with
 * only the AWS endpoint variables pointing it at the rehearsal. The expected answers follow from the rows.
 */

type Row = Partial<Record<ImportColumn, string>>;

export const HIT_EMAIL = 'jan.devries@example.nl';
export const MISS_EMAIL = 'nobody.here@example.nl';
/** The hit customer's mobile as typed on the site and as E.164 (what the SMS goes to); the miss is in no record. */
export const HIT_PHONE = { input: '06-12345678', e164: '+31612345678' };
export const MISS_PHONE = { input: '06 87654321', e164: '+31687654321' };

// Two records of one customer share the hit address: the result must count both and list the union of fields.
const ROWS: Row[] = [
  {
    customer_number: '111111111',
    full_name: 'Jan de Vries',
    mobile: HIT_PHONE.input,
    email: HIT_EMAIL,
    iban: 'NL91ABNA0417164300',
  },
  {
    customer_number: '222222222',
    full_name: 'J. de Vries',
    street: 'Kerkstraat',
    house_number: '1',
    postal_code: '1234 AB',
    city: 'Utrecht',
    email: HIT_EMAIL,
    date_of_birth: '1980-01-02',
  },
  { customer_number: '333333333', full_name: 'Anna Bakker', email: 'anna.bakker@example.nl' },
];

/** What the result page must show for the records a check matches: their count and the union of their fields. */
function expectedFor(matches: (row: Row) => boolean): { recordCount: number; fields: string[] } {
  const rows = ROWS.filter(matches);
  const fields = rows.flatMap((row) => Object.keys(row).map((column) => FIELD_OF_COLUMN[column as ImportColumn]));
  return { recordCount: rows.length, fields: [...new Set(fields)].sort() };
}

export const EXPECTED_HIT = expectedFor((row) => row.email === HIT_EMAIL);
export const EXPECTED_PHONE_HIT = expectedFor((row) => row.mobile === HIT_PHONE.input);

export async function importBreach(options: {
  pepperSecretArn: string;
  table: string;
  breachConfigPath: string;
  endpointEnv: Record<string, string>;
  region: string;
}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rehearsal-import-'));
  try {
    const csv = [DEFAULT_COLUMNS.join(','), ...ROWS.map((row) => DEFAULT_COLUMNS.map((c) => row[c] ?? '').join(','))];
    await writeFile(join(dir, 'breach.csv'), `${csv.join('\n')}\n`);
    const args = [resolve('bin/portal.mjs'), 'import', '--input', join(dir, 'breach.csv'), '--target', 'aws'];
    args.push(
      '--pepper-secret-id',
      options.pepperSecretArn,
      '--table',
      options.table,
      '--rejects',
      join(dir, 'rejects.csv'),
    );
    await promisify(execFile)(NODE_24, args, {
      cwd: resolve('.'),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        BREACH_CONFIG: options.breachConfigPath,
        AWS_REGION: options.region,
        AWS_ACCESS_KEY_ID: 'operator',
        AWS_SECRET_ACCESS_KEY: 'rehearsal',
        ...options.endpointEnv,
      },
      timeout: 60_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error)
      .trim()
      .split('\n')
      .pop();
    throw new Error(`portal import --target aws failed: ${stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
