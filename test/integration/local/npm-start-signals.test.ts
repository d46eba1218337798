import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breachConfigPathFromEnv } from '../../../functions/config/load-breach-config';
import { PROJECT_ROOT } from '../../../functions/local/local-stack';
import { buildSiteForRun, type RunSite } from '../../../functions/local/site-build';
import { freePort } from '../../support/free-port';

/*
 * `npm start` as a person (or a process manager) stops it: SIGINT or SIGTERM, sent to the npm process alone or to its
 * whole process group, and npm itself killed outright. Every time, every port must be free afterwards and no process
 * of that run may be left. npm runs the script through `sh -c`; before the script was `exec node …`, SIGTERM to npm
 * left node holding every port and SIGINT to npm left all three processes running.
 */

jest.setTimeout(120_000);

const PORT_VARIABLES = ['PORT', 'DYNAMODB_PORT', 'SES_PORT', 'SMS_PORT'] as const;

interface Run {
  npm: ChildProcess;
  ports: number[];
  output: () => string;
  npmExit: Promise<void>;
}

let localDir: string;
let site: RunSite;

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), 'npm-start-signals-'));
  // One build for the five runs (SITE_DIR): the start-up is not what is tested here.
  site = await buildSiteForRun(PROJECT_ROOT, breachConfigPathFromEnv(), { showOutput: false });
});

afterAll(async () => {
  await site?.remove();
  await rm(localDir, { recursive: true, force: true });
});

async function startNpm(): Promise<Run> {
  const ports: number[] = [];
  for (const _ of PORT_VARIABLES) ports.push(await freePort());
  const portEnv = Object.fromEntries(PORT_VARIABLES.map((variable, index) => [variable, String(ports[index])]));
  // detached: npm leads a process group of its own, as it does when started from a terminal.
  const npm = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...portEnv, LOCAL_DIR: localDir, SITE_DIR: site.dir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  npm.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const npmExit = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  const run = { npm, ports, output: () => output, npmExit };
  await waitUntil(() => output.includes('Press Ctrl-C to stop.') || npm.exitCode !== null, 90_000);
  if (!output.includes('Press Ctrl-C to stop.')) throw new Error(`npm start did not come up:\n${output}`);
  return run;
}

/** Every process in the group npm leads (npm, node, tsx's esbuild service …). */
function processGroup(groupId: number): number[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => group === groupId && pid !== undefined && !Number.isNaN(pid))
    .map(([pid]) => pid as number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function connectable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe.each([
  ['SIGINT', 'the npm process'],
  ['SIGTERM', 'the npm process'],
  ['SIGINT', 'its process group'],
  ['SIGTERM', 'its process group'],
  ['SIGKILL', 'the npm process'],
] as const)('npm start, %s to %s', (signal, target) => {
  it('stops within seconds: every port free, no process of the run left', async () => {
    const run = await startNpm();
    const groupId = run.npm.pid as number;
    const pids = processGroup(groupId);
    // npm, and node in place of the shell (`exec`): both must be there, or the test proves nothing.
    expect(pids.length).toBeGreaterThanOrEqual(2);
    for (const port of run.ports) expect(await connectable(port)).toBe(true);

    process.kill(target === 'its process group' ? -groupId : groupId, signal);

    // The mail flush is empty here, so a clean stop takes well under a second; 10 s leaves room for a loaded machine.
    const gone = await waitUntil(() => pids.every((pid) => !isAlive(pid)), 10_000);
    const left = pids.filter(isAlive);
    if (left.length > 0) process.kill(-groupId, 'SIGKILL');
    expect({ gone, left }).toEqual({ gone: true, left: [] });
    await run.npmExit;
    for (const port of run.ports) expect(await connectable(port)).toBe(false);
    // The stack closed its servers itself (not killed with them): it said so after the stop.
    expect(run.output()).toContain('Stopped.');
  });
});
