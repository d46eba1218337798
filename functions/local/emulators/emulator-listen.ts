import type { Server } from 'node:http';
import { portAnswers } from './port-check';

/* Both emulators report a taken port the same way: one sentence naming the service and the port. */

export class EmulatorPortInUseError extends Error {
  constructor(
    readonly service: string,
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(`The ${service} cannot listen on ${host}:${port}: ${reason}. Stop what uses the port or choose another one.`);
    this.name = 'EmulatorPortInUseError';
  }
}

function reasonFor(error: NodeJS.ErrnoException): string {
  if (error.code === 'EADDRINUSE') return 'the port is already in use';
  if (error.code === 'EACCES') return 'permission denied for this port';
  return error.code ?? error.message;
}

/** Starts `server` listening; a bind failure becomes EmulatorPortInUseError. Resolves with the bound port. */
export function listenOrExplain(server: Server, service: string, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new EmulatorPortInUseError(service, host, port, reasonFor(error)));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Why listening on host:port would fail right now, or undefined if nothing answers there (for servers created by a
 * library that swallows its own listen error). Probes by connecting, so no client can meet a half-open probe.
 */
export async function bindFailureReason(host: string, port: number): Promise<string | undefined> {
  if (port === 0) return undefined;
  return (await portAnswers(host, port)) ? reasonFor({ code: 'EADDRINUSE' } as NodeJS.ErrnoException) : undefined;
}

/** Closes a server, dropping idle keep-alive connections so stop() does not wait for SDK sockets to time out. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
