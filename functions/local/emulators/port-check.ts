import { connect } from 'node:net';

/*
 * Checked before anything starts, so a busy port gives one clear sentence naming the variable to change instead of
 * an EADDRINUSE stack trace halfway through start-up (with an emulator already running).
 */

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly suggestion?: number,
  ) {
    super(
      `Port ${port} is already in use, so the local stack cannot start. ` +
        `Stop whatever uses it, or pick another port: ${variable}=${suggestion ?? port + 1} npm start`,
    );
    this.name = 'PortInUseError';
  }
}

export interface PortRequest {
  port: number;
  /** The environment variable that sets this port, named in the message. */
  variable: string;
}

/**
 * Resolves when the port can be bound on host (port 0 always can); rejects with PortInUseError otherwise, suggesting
 * the next port that is free and not wanted by another service.
 */
export async function assertPortFree(request: PortRequest, host = '127.0.0.1', avoid: ReadonlySet<number> = new Set()) {
  if (request.port === 0 || (await canBind(request.port, host))) return;
  let suggestion: number | undefined;
  for (let candidate = request.port + 1; candidate <= Math.min(request.port + 50, 65535); candidate++) {
    if (!avoid.has(candidate) && (await canBind(candidate, host))) {
      suggestion = candidate;
      break;
    }
  }
  throw new PortInUseError(request.port, request.variable, suggestion);
}

async function canBind(port: number, host: string): Promise<boolean> {
  return !(await portAnswers(host, port));
}

/**
 * True when something accepts connections on host:port. The probe connects rather than binding the port for an
 * instant: a client that reached such a short-lived listener was sometimes left connected to a socket nobody would
 * ever answer or close (seen about once in 1 500 connects during probing), and a connect leaves no listener behind.
 */
export function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve(false);
      else reject(error);
    });
  });
}

export async function assertPortsFree(requests: readonly PortRequest[], host = '127.0.0.1'): Promise<void> {
  const seen = new Map<number, string>();
  const wanted = new Set(requests.map((request) => request.port));
  for (const request of requests) {
    const other = seen.get(request.port);
    if (request.port !== 0 && other) {
      throw new Error(`${request.variable} and ${other} are both ${request.port}; give each its own port.`);
    }
    seen.set(request.port, request.variable);
    await assertPortFree(request, host, wanted);
  }
}

/** Parses a port variable; a clear error for anything that is not 0–65535. */
export function parsePort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${variable} must be a port number between 0 and 65535 (got "${value}").`);
  }
  return port;
}
