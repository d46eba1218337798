import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../functions/local/local-stack';

/*
 * bin/start.mjs as a person runs it (`npm start` is `exec node bin/start.mjs`): a busy port is one clear sentence and
 * exit 1; a normal start prints the URL block, serves the portal with every route mounted, and SIGTERM (what Ctrl-C
 * amounts to) stops it with exit 0 (npm-start-signals.test.ts covers npm and its process group).
 */

jest.setTimeout(120_000);

let localDir: string;

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), 'start-script-'));
});

afterAll(async () => {
  await rm(localDir, { recursive: true, force: true });
});

function startScript(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number>;
} {
  let output = '';
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'start.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOCAL_DIR: localDir, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exit };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (bin/start.mjs)', () => {
  let occupier: Server;
  let busyPort: number;

  beforeAll(async () => {
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    busyPort = (occupier.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => occupier.close(resolve));
  });

  it('refuses a busy port with a message naming the variable to set, and exits 1', async () => {
    const run = startScript({ PORT: '0', DYNAMODB_PORT: '0', SES_PORT: String(busyPort), SMS_PORT: '0' });

    expect(await run.exit).toBe(1);
    expect(run.output()).toContain(`Port ${busyPort} is already in use`);
    expect(run.output()).toMatch(/SES_PORT=\d+ npm start/);
  });

  it('prints the URLs, serves the portal with every route mounted, and stops cleanly on SIGTERM', async () => {
    const run = startScript({ PORT: '0', DYNAMODB_PORT: '0', SES_PORT: '0', SMS_PORT: '0' });
    await waitFor(() => run.output().includes('Press Ctrl-C to stop.') || run.child.exitCode !== null, 'the banner');

    const output = run.output();
    expect(output).toContain('demo.all@example.nl');
    expect(output).not.toContain('not mounted');
    const portal = /Portal\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
    const inbox = /Inbox \(mail\)\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    expect(portal).toBeDefined();
    expect(inbox).toBeDefined();
    const smsInbox = /Inbox \(SMS\)\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    expect(smsInbox).toBeDefined();
    expect(output).toContain('06 87654321');

    const info = await fetch(`${portal}/local/info.json`);
    expect(await info.json()).toEqual({ inboxUrl: inbox, smsInboxUrl: smsInbox });
    const check = await fetch(`${portal}/api/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo.all@example.nl' }),
    });
    expect(check.status).toBe(202);

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('Stopped.');
    // Stopping flushed the queue: the accepted check's mail was sent before the SES emulator closed.
    expect(run.output()).not.toContain('dead-lettered');
  });
});
