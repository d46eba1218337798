import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { assertPortFree, assertPortsFree, PortInUseError, parsePort } from '../../../functions/local/port-check';

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
