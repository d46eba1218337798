/*
 * When `npm start` must stop. npm runs a script as `sh -c "<script>"` and passes SIGINT/SIGTERM on to that shell
 * only; dash died of SIGTERM and caught SIGINT without passing either on, so node was left running, holding every
 * port. The script is therefore `exec node bin/start.mjs` (npm's signal reaches node itself), and as a fallback for a
 * parent that dies without passing anything on (npm killed with SIGKILL, a shell that does not exec) the stack also
 * stops when its parent process goes away.
 *
 * A Ctrl-C in a terminal reaches node twice (the terminal signals the whole process group, npm forwards its copy):
 * every signal after the first is therefore ignored; a stop that hangs is cut by the deadline in start.ts instead.
 */

export type StopReason = NodeJS.Signals | 'parent exited';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PARENT_POLL_MS = 200;

export interface StopRequest {
  /** Resolves with the first reason to stop. */
  readonly requested: Promise<StopReason>;
  /** Removes the listeners and the parent watch. */
  dispose(): void;
}

/** Starts listening at once, so a signal during start-up is not Node's default (instant death, no clean-up). */
export function watchForStopRequest(): StopRequest {
  const parentAtStart = process.ppid;
  let settled = false;
  let resolveRequested: (reason: StopReason) => void = () => {};
  const requested = new Promise<StopReason>((resolve) => {
    resolveRequested = resolve;
  });
  const request = (reason: StopReason) => {
    if (settled) return;
    settled = true;
    resolveRequested(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => request(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  // process.ppid is read afresh each time: it becomes 1 (or a subreaper) once the parent has died.
  const parentWatch = setInterval(() => {
    if (process.ppid !== parentAtStart) request('parent exited');
  }, PARENT_POLL_MS);
  parentWatch.unref();
  return {
    requested,
    dispose: () => {
      clearInterval(parentWatch);
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}
