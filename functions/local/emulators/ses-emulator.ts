import type { Server } from 'node:http';
import { SESClient } from '@aws-sdk/client-ses';
import * as sesLocalModule from 'aws-ses-v2-local';
import { emulatorConnection, sdkClient } from '../../wiring/sdk-client';
import { bindFailureReason, closeServer, EmulatorPortInUseError } from './emulator-listen';

/*
 * The local SES: aws-ses-v2-local in this process. It keeps every sent mail and serves them as JSON at GET /store
 * (POST /clear-store empties it) and as an inbox page at /. SES v1 SendEmail/SendRawEmail and v2 SendEmail work;
 * v1 SendTemplatedEmail never answers, so the portal renders its mails in code. Its store is module-global: all
 * servers started in one process share one mailbox.
 */

export const DEFAULT_SES_PORT = 8005;

type StartSesServer = typeof sesLocalModule.default;
// The package is CommonJS with `exports.default`: jest's CommonJS interop hands us that function as `default`, Node's
// ESM loader (tsx, npm start) hands us the whole exports object as `default`, one level up.
const exportedDefault: unknown = sesLocalModule.default;
const startSesServer: StartSesServer =
  typeof exportedDefault === 'function'
    ? (exportedDefault as StartSesServer)
    : (exportedDefault as { default: StartSesServer }).default;
const SERVICE = 'SES emulator (aws-ses-v2-local)';

export interface SesEmulatorOptions {
  /** 0 picks a free port. Default 8005. */
  port?: number;
  host?: string;
}

export interface RunningSesEmulator {
  endpoint: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSesEmulator(options: SesEmulatorOptions = {}): Promise<RunningSesEmulator> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? DEFAULT_SES_PORT;
  // The library swallows the listen error (express 5 hands it to the callback it ignores), so check first and after.
  const reasonBefore = await bindFailureReason(host, requestedPort);
  if (reasonBefore) throw new EmulatorPortInUseError(SERVICE, host, requestedPort, reasonBefore);
  const server: Server = await startSesServer({ host, port: requestedPort });
  if (!server.listening) {
    throw new EmulatorPortInUseError(
      SERVICE,
      host,
      requestedPort,
      'it could not bind the port (taken meanwhile, or below 1024 without permission)',
    );
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;
  return { endpoint: `http://${host}:${port}`, host, port, stop: () => closeServer(server) };
}

/** An SES v1 client for the emulator: dummy credentials (it only checks that some are sent), bounded timeouts. */
export function createEmulatorSesClient(endpoint: string): SESClient {
  return sdkClient(SESClient, emulatorConnection(endpoint));
}

/** One stored mail as the emulator's GET /store returns it (the fields the portal's tests read). */
export interface StoredEmail {
  messageId: string;
  from: string;
  /** Reply-To addresses, as the emulator stores them (absent when none was set). */
  replyTo?: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export async function readSesStore(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`The SES emulator answered ${response.status} to GET /store`);
  const store = (await response.json()) as { emails?: StoredEmail[] };
  return store.emails ?? [];
}

export async function clearSesStore(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`The SES emulator answered ${response.status} to POST /clear-store`);
}
