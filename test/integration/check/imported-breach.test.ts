import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../../functions/import/run-import';
import { config, TEST_PEPPER } from '../../unit/check/check-fixture';
import { type CheckStack, startCheckStack, tokenFromMail } from './check-stack';

/*
 * The end-to-end path: a small raw breach file goes through the real import (normalise + keyed hash, no
 * plaintext stored), then a customer checks their address and reads the fields their row had non-empty.
 */

const HEADER =
  'customer_number,full_name,street,house_number,postal_code,city,mobile,email,iban,date_of_birth,id_document_type,id_document_number,id_document_valid_until';
const ROWS = [
  '100000001,Anna de Vries,Dorpsstraat,1,1234 AB,Utrecht,06-12345678,Anna.deVries@Example.nl,NL91ABNA0417164300,1980-01-02,,,',
  '100000002,Bram Bakker,Kerkweg,2,2345 BC,Leiden,,bram@example.nl,,,passport,NX1234567,2030-05-06',
];

let stack: CheckStack;
let workDir: string;

beforeAll(async () => {
  stack = await startCheckStack();
  workDir = await mkdtemp(join(tmpdir(), 'check-import-'));
  const inputPath = join(workDir, 'breach.csv');
  await writeFile(inputPath, `${HEADER}\n${ROWS.join('\n')}\n`);
  const summary = await runImport({
    inputPath,
    pepper: TEST_PEPPER,
    breachId: config.id,
    customerNumberPattern: config.customerNumberPattern,
    defaultPhoneRegion: config.defaultPhoneRegion,
    sink: { kind: 'store', store: stack.stores.exposures },
    rejectsPath: join(workDir, 'rejects.csv'),
    workers: 1,
  });
  expect(summary).toMatchObject({ rows: 2, rejects: 0 });
});

afterAll(async () => {
  await stack.stop();
  await rm(workDir, { recursive: true, force: true });
});

it.each([
  {
    email: 'anna.devries@example.nl',
    exposed: ['iban', 'phone', 'email', 'dateOfBirth', 'address', 'fullName', 'customerNumber'],
  },
  {
    email: 'BRAM@example.nl',
    exposed: ['idDocumentNumber', 'idDocumentValidity', 'email', 'address', 'fullName', 'customerNumber'],
  },
])('shows $email the fields its imported row held', async ({ email, exposed }) => {
  await stack.ses.clearStore();
  expect((await stack.check({ email, locale: 'nl' }, '198.51.100.60')).status).toBe(202);
  await stack.queue.idle();
  const token = await tokenFromMail(stack.ses, email.toLowerCase());
  const result = await stack.redeem(token);
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ exposed, recordCount: 1, matchedBy: ['email'] });
});
