import { parse } from 'csv-parse/sync';
import { normaliseEmail, normalisePhone } from '../../../functions/core/identifiers';
import { DEFAULT_COLUMNS } from '../../../functions/import/import-columns';
import { syntheticBreachCsv } from '../../../functions/import/synthetic-breach';

const generate = (count: number, seed?: number) => [...syntheticBreachCsv({ count, seed }, 100)].join('');

describe('syntheticBreachCsv', () => {
  it('is deterministic: the same seed and count give the same bytes', () => {
    expect(generate(500, 7)).toBe(generate(500, 7));
  });

  it('differs between seeds', () => {
    expect(generate(50, 1)).not.toBe(generate(50, 2));
  });

  it('writes the default layout with realistic, mostly valid data', () => {
    const rows = parse(generate(2000, 3)) as string[][];
    expect(rows[0]).toEqual([...DEFAULT_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(2000);
    expect(body.every((row) => row.length === DEFAULT_COLUMNS.length)).toBe(true);
    expect(new Set(body.map((row) => row[0])).size).toBe(2000);
    expect(body.every((row) => /^[0-9]{9}$/.test(row[0] ?? ''))).toBe(true);

    const mobiles = body.map((row) => row[6] ?? '').filter((value) => value !== '');
    const validMobiles = mobiles.filter((value) => {
      try {
        return normalisePhone(value).startsWith('+316');
      } catch {
        return false;
      }
    });
    expect(validMobiles.length / mobiles.length).toBeGreaterThan(0.99);
    const emails = body.map((row) => row[7] ?? '').filter((value) => value !== '');
    expect(new Set(emails).size).toBeLessThan(emails.length); // families share an address
    expect(emails.filter((value) => !safe(() => normaliseEmail(value))).length).toBeGreaterThan(0);
    expect(body.some((row) => (row[1] ?? '').includes(','))).toBe(true); // quoted names with a comma
    expect(body.some((row) => row[8] === '')).toBe(true); // empty fields
  });

  it('writes IBANs whose mod-97 check holds', () => {
    const rows = (parse(generate(200, 4)) as string[][]).slice(1);
    for (const iban of rows.map((row) => row[8] ?? '').filter(Boolean)) {
      const rearranged = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      expect(BigInt(rearranged) % 97n).toBe(1n);
    }
  });
});

function safe(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}
