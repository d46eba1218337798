import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { bindFailureReason } from '../../../functions/local/emulators/emulator-listen';
import {
  assertPortFree,
  assertPortsFree,
  PortInUseError,
  parsePort,
} from '../../../functions/local/emulators/port-check';
import { freePort } from '../../support/free-port';

/*
 * Another process connecting to a port over and over while we probe it, as a browser tab or an SDK retry does while
 * `npm start` comes up. It reports how many connections got through and how many of those were never closed.
 */
const HAMMER = `
const { connect } = require('node:net');
const port = Number(process.argv[1]);
let connected = 0, open = 0, refused = 0, stopped = false;
function one() {
  if (stopped) return;
  const socket = connect(port, '127.0.0.1');
  let wasConnected = false;
  socket.once('connect', () => { connected++; open++; wasConnected = true; one(); });
  socket.once('error', () => { refused++; });
  socket.once('close', () => { if (wasConnected) open--; else one(); });
}
for (let i = 0; i < 4; i++) one();
process.stdin.once('data', () => {
  stopped = true;
  // A connection that is still open 2 s after the probing stopped was left hanging.
  setTimeout(() => { process.stdout.write(JSON.stringify({ connected, open, refused })); process.exit(0); }, 2000);
});
`;

describe('port check before start', () => {
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

  it('names the variable to set when the port is taken', async () => {
    const check = assertPortFree({ port: busyPort, variable: 'DYNAMODB_PORT' });
    await expect(check).rejects.toBeInstanceOf(PortInUseError);
    await expect(assertPortFree({ port: busyPort, variable: 'DYNAMODB_PORT' })).rejects.toThrow(
      `Port ${busyPort} is already in use`,
    );
    await expect(assertPortFree({ port: busyPort, variable: 'DYNAMODB_PORT' })).rejects.toThrow(
      /DYNAMODB_PORT=\d+ npm start/,
    );
  });

  it('accepts a free port and leaves it free', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    await expect(assertPortFree({ port: freePort, variable: 'PORT' })).resolves.toBeUndefined();
    await expect(assertPortFree({ port: freePort, variable: 'PORT' })).resolves.toBeUndefined();
  });

  it('never leaves a client that connects during the probe hanging (probes connect, they do not listen)', async () => {
    const port = await freePort();
    const hammer = spawn(process.execPath, ['-e', HAMMER, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let report = '';
    hammer.stdout.on('data', (chunk: Buffer) => {
      report += chunk.toString();
    });
    const exited = new Promise((resolve) => hammer.once('exit', resolve));
    const until = Date.now() + 2_000;
    let probes = 0;
    while (Date.now() < until) {
      await assertPortFree({ port, variable: 'PORT' });
      expect(await bindFailureReason('127.0.0.1', port)).toBeUndefined();
      probes += 2;
    }
    hammer.stdin.end('stop');
    await exited;
    const { connected, open, refused } = JSON.parse(report);
    expect(probes).toBeGreaterThan(100);
    // The hammer was running all along (each refusal starts the next attempt) …
    expect(refused).toBeGreaterThan(100);
    // … and no connection ever reached a probe, so none can hang: a probe that listened for an instant let about one
    // in three of these connects through, and now and then left one open for good.
    expect({ connected, open }).toEqual({ connected: 0, open: 0 });
  });

  it('closes its own connection to a server that holds the port', async () => {
    let accepted = 0;
    let closed = 0;
    const holder = createServer((socket) => {
      accepted++;
      socket.once('close', () => closed++);
    });
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    await expect(bindFailureReason('127.0.0.1', port)).resolves.toBe('the port is already in use');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => holder.close(resolve));
    expect(accepted).toBe(1);
    expect(closed).toBe(1);
  });

  it('refuses two services on one port', async () => {
    await expect(
      assertPortsFree([
        { port: 40123, variable: 'PORT' },
        { port: 40123, variable: 'SES_PORT' },
      ]),
    ).rejects.toThrow('SES_PORT and PORT are both 40123');
  });

  it('parses port variables and rejects nonsense', () => {
    expect(parsePort(undefined, 3000, 'PORT')).toBe(3000);
    expect(parsePort('8080', 3000, 'PORT')).toBe(8080);
    expect(() => parsePort('http', 3000, 'PORT')).toThrow('PORT must be a port number');
    expect(() => parsePort('70000', 3000, 'PORT')).toThrow('PORT must be a port number');
  });
});
