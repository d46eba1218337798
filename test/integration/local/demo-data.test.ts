import { randomBytes } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryExposureStore } from '../../../functions/adapters/memory/memory-exposure-store';
import { loadBreachConfig } from '../../../functions/config/load-breach-config';
import type { BreachConfig } from '../../../functions/core/breach-config';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { normaliseCustomerNumber, normaliseEmail, normalisePhone } from '../../../functions/core/identifiers';
import { DEMO_ADDRESSES, DEMO_NOT_AFFECTED_EMAIL, seedDemoDataOnce } from '../../../functions/local/demo-data';

describe('demo data for npm start', () => {
  let config: BreachConfig;
  let localDir: string;
  const pepper = randomBytes(32);

  beforeAll(async () => {
    config = await loadBreachConfig();
    localDir = await mkdtemp(join(tmpdir(), 'demo-data-'));
  });

  afterAll(async () => {
    await rm(localDir, { recursive: true, force: true });
  });

  it('seeds once per LOCAL_DIR and finds the documented people by their keyed hashes', async () => {
    const exposures = new MemoryExposureStore();
    const first = await seedDemoDataOnce({ localDir, config, pepper, exposures, generatedCustomers: 50 });
    const second = await seedDemoDataOnce({ localDir, config, pepper, exposures, generatedCustomers: 50 });

    expect(first.seeded).toBe(true);
    expect(second).toEqual({ seeded: false, records: first.records });
    expect(exposures.size).toBe(first.records);
    // The generated customers came through the import pipeline, and its raw file did not stay behind.
    expect(first.records).toBeGreaterThan(50);
    await expect(access(join(localDir, 'demo-breach.csv'))).rejects.toThrow();

    const byEmail = (email: string) =>
      exposures.findByIdentifier(hashIdentifier(pepper, 'email', normaliseEmail(email)));
    expect((await byEmail('demo.all@example.nl'))[0]?.fields).toHaveLength(9);
    expect((await byEmail('Demo.Few@example.nl'))[0]?.fields).toEqual(['email', 'fullName', 'customerNumber']);
    expect(await byEmail('demo.family@example.nl')).toHaveLength(2);
    expect(await byEmail(DEMO_NOT_AFFECTED_EMAIL)).toEqual([]);
    // Every address the start banner offers as affected really is.
    for (const address of DEMO_ADDRESSES.filter((entry) => entry.email !== DEMO_NOT_AFFECTED_EMAIL)) {
      expect((await byEmail(address.email)).length).toBeGreaterThan(0);
    }

    const byPhone = await exposures.findByIdentifier(hashIdentifier(pepper, 'phone', normalisePhone('+31 6 87654321')));
    expect(byPhone).toHaveLength(1);
    const byNumber = await exposures.findByIdentifier(
      hashIdentifier(pepper, 'customerNumber', normaliseCustomerNumber('100000001', config.customerNumberPattern)),
    );
    expect(byNumber[0]?.subjectId).toBe((await byEmail('demo.all@example.nl'))[0]?.subjectId);
  });
});
