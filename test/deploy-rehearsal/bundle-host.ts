import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * The parent side of lambda-host.mjs: starts the synthesized bundle of one function in a Node 24 child with exactly
 * the environment given (the template's variables plus what the Lambda runtime adds), and invokes it.
 */

export const NODE_24 = resolve('node_modules/.bin/node');
const HOST_SCRIPT = resolve('test/deploy-rehearsal/lambda-host.mjs');

export class InvocationError extends Error {}

export class BundleHost {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private output = '';

  private constructor(
    readonly functionId: string,
    private readonly child: ChildProcess,
    private readonly timeoutMs: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.keepOutput(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.keepOutput(chunk));
    child.on('message', (message: { id: number; result?: unknown; error?: { name: string; message: string } }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new InvocationError(`${message.error.name}: ${message.error.message}`));
      else waiting?.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new InvocationError(`the process exited (${code})`));
      this.pending.clear();
    });
  }

  static start(options: {
    functionId: string;
    bundleDir: string;
    env: Record<string, string>;
    /** The template's Timeout: an invocation that runs longer fails, as Lambda would end it. */
    timeoutSeconds: number;
    preload?: string;
  }) {
    const child = fork(HOST_SCRIPT, [options.bundleDir, options.functionId], {
      execPath: NODE_24,
      execArgv: options.preload ? ['--import', options.preload] : [],
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const host = new BundleHost(options.functionId, child, options.timeoutSeconds * 1000);
    return new Promise<BundleHost>((ready, failed) => {
      child.once('message', () => ready(host));
      child.once('exit', (code) =>
        failed(new InvocationError(`${options.functionId}: the bundle did not start (${code}): ${host.errorLine()}`)),
      );
    });
  }

  invoke<T = unknown>(event: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new InvocationError(`Task timed out after ${this.timeoutMs / 1000} seconds (the function's Timeout)`));
      }, this.timeoutMs);
      const settle =
        <V>(then: (value: V) => void) =>
        (value: V) => {
          clearTimeout(timer);
          then(value);
        };
      this.pending.set(id, { resolve: settle(resolvePromise as (value: unknown) => void), reject: settle(reject) });
      this.child.send({ id, event });
    });
  }

  /** What the function printed (Powertools JSON logs, EMF metrics), for the leak check and failure reports. */
  get printed(): string {
    return this.output;
  }

  /** The line that names what went wrong (`TypeError: …`), not the stack under it or Node's version footer. */
  errorLine(): string {
    const lines = this.output.trim().split('\n');
    const error = lines.find((line) => /^\w*(Error|Exception)\b/.test(line.trim()));
    return (error ?? lines.filter((line) => !line.startsWith('Node.js v')).pop() ?? '').trim().slice(0, 300);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((done) => {
      this.child.once('exit', () => done());
      this.child.kill();
    });
  }

  private keepOutput(chunk: Buffer): void {
    // Bounded: a runaway logger must not grow the rehearsal's memory without limit.
    this.output = (this.output + chunk.toString('utf8')).slice(-200_000);
  }
}
