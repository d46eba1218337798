import { connect, createServer, type Server, type Socket } from 'node:net';

/*
 * A TCP proxy in front of an emulator, to make it misbehave the way a network or a service does, without touching
 * the emulator's data:
 *   pass    forward both ways (the normal state)
 *   stall   accept connections and read requests, but never forward or answer (a hung service, a black-holed route)
 *   stop    close the listening socket and every open connection: new connections are refused (ECONNREFUSED),
 *           as if the service were down; `pass` again listens on the same port.
 * Stalled connections are destroyed on the way back to `pass`, so a held request is never delivered late (which
 * would make a retried one look doubled for reasons that are the proxy's, not the portal's).
 */

export type FaultMode = 'pass' | 'stall' | 'stop';

export interface FaultProxy {
  endpoint: string;
  mode(): FaultMode;
  setMode(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port: targetPort } = new URL(target);
  let mode: FaultMode = 'pass';
  const sockets = new Set<Socket>();
  const stalled = new Set<Socket>();

  const onConnection = (client: Socket) => {
    sockets.add(client);
    client.once('close', () => {
      sockets.delete(client);
      stalled.delete(client);
    });
    client.on('error', () => client.destroy());
    if (mode === 'stall') {
      stalled.add(client);
      client.resume();
      return;
    }
    const upstream = connect(Number(targetPort), hostname);
    sockets.add(upstream);
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(0);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === 'stop') {
        await closeServer();
        return;
      }
      if (previous === 'stop') {
        server = createServer(onConnection);
        await listen(port);
      }
      if (next === 'pass') {
        for (const socket of stalled) socket.destroy();
        stalled.clear();
      }
      if (next === 'stall') {
        // Keep-alive connections opened before the stall would otherwise still be forwarded.
        for (const socket of sockets) socket.destroy();
      }
    },
    close: async () => {
      if (mode !== 'stop') await closeServer();
    },
  };
}
