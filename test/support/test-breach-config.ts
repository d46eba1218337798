import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BREACH_CONFIG_PATH } from '../../functions/config/load-breach-config';

/*
 * Jest setup (jest.config.mjs `setupFiles`): every test that loads "the" breach config — the local stack, the site
 * build, child processes of `npm start` — gets the shipped demo config with its closing date moved far ahead, via
 * BREACH_CONFIG. Otherwise the suite would start failing on the day the demo portal closes; the closing behaviour
 * itself is tested with explicit dates. The file keeps one path and is only rewritten when its content changes, so
 * the site build's staleness check (content digest and mtime) sees the same config from every test file.
 */
// One file per checkout: two checkouts on one machine (worktrees, CI runners) may hold different configs.
const checkout = createHash('sha256').update(DEFAULT_BREACH_CONFIG_PATH).digest('hex').slice(0, 12);
export const TEST_BREACH_CONFIG_PATH = join(tmpdir(), `breach-portal-test-config-${checkout}.json`);
const FAR_FUTURE_CLOSING_DATE = '2099-12-31';

function writeTestBreachConfig(): void {
  const config = JSON.parse(readFileSync(DEFAULT_BREACH_CONFIG_PATH, 'utf8'));
  const content = `${JSON.stringify({ ...config, closingDate: FAR_FUTURE_CLOSING_DATE }, null, 2)}\n`;
  let current: string | undefined;
  try {
    current = readFileSync(TEST_BREACH_CONFIG_PATH, 'utf8');
  } catch {
    current = undefined;
  }
  // Written whole under a temporary name and renamed, so a parallel test file never reads half a file.
  if (current !== content) {
    const temporary = `${TEST_BREACH_CONFIG_PATH}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, TEST_BREACH_CONFIG_PATH);
  }
  process.env.BREACH_CONFIG = TEST_BREACH_CONFIG_PATH;
}

writeTestBreachConfig();
