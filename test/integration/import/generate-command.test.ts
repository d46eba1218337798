import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../functions/cli/main';

/* `portal generate` writes the same file for the same seed, and nothing but the file (no leftover partial). */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'generate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (args: string[]) => main(['generate', ...args], { out: () => {}, err: () => {} });

describe('portal generate', () => {
  it('is deterministic for a seed and leaves only the finished file', async () => {
    expect(await run(['--count', '1500', '--out', join(dir, 'a.csv'), '--seed', '9'])).toBe(0);
    expect(await run(['--count', '1500', '--out', join(dir, 'b.csv'), '--seed', '9'])).toBe(0);
    const [a, b] = await Promise.all([readFile(join(dir, 'a.csv')), readFile(join(dir, 'b.csv'))]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString().trimEnd().split('\n')).toHaveLength(1501);
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('refuses a missing count or output as a usage error (exit 2)', async () => {
    expect(await run(['--out', join(dir, 'c.csv')])).toBe(2);
    expect(await run(['--count', '10'])).toBe(2);
  });
});
