import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LocalStackUrls } from '../../functions/local/local-stack';
import type { ChildReply, ChildRequest, MemorySample, StackProcessOptions } from './stack-protocol';

/*
 * Starts local-stack-child.ts in its own Node process (the project's Node 24, TypeScript through tsx, --expose-gc so
 * memory can be measured after a full collection) and drives it: wait for queued mail, read its RSS, stop it.
 * The child's log lines (stdout and stderr) are kept, so a script can show that no log line names an address.
 */

export interface LocalStackProcess {
  urls: LocalStackUrls;
  pid: number;
  /** Every log line the stack wrote to stdout so far (bounded: the last 10 000). */
  logLines(): readonly string[];
  /** Resolves when every accepted check's mail has been sent (or dead-lettered). */
  settleMail(): Promise<void>;
  /** Sets the stack's clock to the machine's time plus `offsetMs`. */
  setClockOffset(offsetMs: number): Promise<void>;
  /** RSS and V8 heap of the stack's process after a full GC, in bytes. */
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const CHILD_ENTRY = fileURLToPath(new URL('./local-stack-child.ts', import.meta.url));
const MAX_LOG_LINES = 10_000;

export async function startLocalStackProcess(
  options: Omit<StackProcessOptions, 'localDir'> = {},
): Promise<LocalStackProcess> {
  const localDir = await mkdtemp(join(tmpdir(), 'portal-reliability-'));
  const child: ChildProcess = fork(CHILD_ENTRY, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, STACK_PROCESS_OPTIONS: JSON.stringify({ ...options, localDir }) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  // Powertools writes info to stdout and warnings/errors to stderr: keep both. Anything that is not a JSON log line
  // (a site build, a crash) is passed through for the person running the script.
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (!line.startsWith('{')) process.stderr.write(`${line}\n`);
      lines.push(line);
      if (lines.length > MAX_LOG_LINES) lines.shift();
    });
  }

  const pending = new Map<
    number,
    { resolve: (value: MemorySample | undefined) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  const ready = new Promise<{ urls: LocalStackUrls }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The local stack process exited (${code}) before it was ready.`)));
    child.on('message', (message: ChildReply) => {
      if ('ready' in message) return resolve(message);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.memory);
      else waiter?.reject(new Error(message.error));
    });
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('The local stack process exited.'));
    pending.clear();
  });

  const request = (message: DistributiveOmit<ChildRequest, 'id'>) =>
    new Promise<MemorySample | undefined>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...message, id } as ChildRequest);
    });

  const { urls } = await ready;
  return {
    urls,
    pid: child.pid ?? 0,
    logLines: () => lines,
    settleMail: async () => {
      await request({ op: 'settleMail' });
    },
    setClockOffset: async (offsetMs) => {
      await request({ op: 'setClockOffset', offsetMs });
    },
    memory: async () => (await request({ op: 'memory' })) ?? { rss: 0, heapUsed: 0 },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await request({ op: 'stop' }).catch(() => {});
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
