import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { breachConfigPathFromEnv } from '../../functions/config/load-breach-config';
import type { Clock } from '../../functions/core/ports';
import { readSesStore, type StoredEmail } from '../../functions/local/emulators/ses-emulator';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack';

/*
 * What every browser test needs: the local stack exactly as `npm start` runs it (same function), but on free ports
 * with a throwaway LOCAL_DIR, and Debian's Chromium driven by playwright-core. The clock is real time plus an offset
 * the tests can move, so token expiry is tested without waiting 24 hours.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-component-update',
  '--no-first-run',
];

export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export interface BrowserSession {
  stack: LocalStack;
  browser: Browser;
  clock: OffsetClock;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Waits for the queue to send everything, then returns the newest mail to `address` received after `since`. */
  latestMailTo(address: string, sinceEpochSeconds: number): Promise<StoredEmail>;
  close(): Promise<void>;
}

export async function openBrowserSession(): Promise<BrowserSession> {
  const localDir = await mkdtemp(join(tmpdir(), 'portal-e2e-'));
  // The stack builds the site for this session from a copy of the tests' config (test/support/test-breach-config.ts)
  // whose rate limits let one test file submit many checks from 127.0.0.1 (no page shows the limits; the limits
  // themselves are covered by the check use case's tests).
  const config = JSON.parse(await readFile(breachConfigPathFromEnv(), 'utf8'));
  config.limits = { ...config.limits, checksPerAddressPerDay: 1000, checksPerIpPerMinute: 1000 };
  const breachConfigPath = join(localDir, 'breach.json');
  await writeFile(breachConfigPath, JSON.stringify(config));

  const clock = new OffsetClock();
  const stack = await startLocalStack({
    port: 0,
    dynamoDbPort: 0,
    sesPort: 0,
    localDir,
    breachConfigPath,
    generatedCustomers: 50,
    clock,
    logLevel: 'SILENT',
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];

  return {
    stack,
    browser,
    clock,
    newContext: async (options = {}) => {
      const context = await browser.newContext({ baseURL: stack.urls.portal, ...options });
      contexts.push(context);
      return context;
    },
    latestMailTo: async (address, sinceEpochSeconds) => {
      await stack.mailSettled();
      const mails = (await readSesStore(stack.urls.ses)).filter(
        (mail) => mail.destination.to.includes(address) && mail.at >= sinceEpochSeconds,
      );
      const latest = mails.at(-1);
      if (!latest) throw new Error(`No mail to ${address} in the SES emulator`);
      return latest;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await stack.stop();
      await rm(localDir, { recursive: true, force: true });
    },
  };
}

/** The result link from a mail's HTML part (the text part breaks a long link over lines: render-email-text.ts). */
export function resultLinkIn(mail: StoredEmail): string | undefined {
  return /https?:\/\/[^\s"<>]+\/(?:nl|en)\/result#t=[A-Za-z0-9_-]+/.exec(mail.body.html ?? '')?.[0];
}

/** Every page of the built site in root (a stack's siteDir) as a URL path (/nl/faq, /en/guidance/iban, /404.html …). */
export async function builtPagePaths(root: string): Promise<string[]> {
  const paths: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.html')) {
        const path = `/${relative(root, full).split(sep).join('/')}`;
        paths.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  await walk(root);
  return paths.sort();
}

export function nowEpochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
