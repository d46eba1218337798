import { SDK_CLIENT_SETTINGS } from '../adapters/sdk-client-settings';

/*
 * The one way the portal builds an AWS SDK client — deployed, in the local stack and in the CLI: always with the
 * bounded timeouts and attempts of SDK_CLIENT_SETTINGS, so no caller can forget them (a client built without them
 * waits on a stalled connection until the Lambda times out, or forever locally). Callers differ only in where the
 * client talks to. The client class is passed in, never imported here: this module is in every bundle, and a static
 * import of an @aws-sdk package would load that package in every function (see deployed-services.ts).
 */

/** Where a client talks to. Deployed: nothing (the SDK reads region and credentials from the Lambda environment). */
export interface ClientConnection {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

type ClientSettings = {
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean };
};

/**
 * For the CLI's bulk work only (`portal import` writes 25-item batches at high concurrency, `portal verify` counts a
 * table with parallel scans): a batch or a scan page under throttling legitimately takes longer than the 2 s that
 * bounds a customer's request, and a timed-out batch is retried by the table writer anyway. Still bounded: a stalled
 * connection fails within 10 s instead of hanging the import.
 */
export const BULK_CLIENT_SETTINGS: ClientSettings = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
};

/** The emulators of the local stack check no credentials; fixed dummy ones keep the SDK from looking for real ones. */
export function emulatorConnection(endpoint: string): ClientConnection {
  return { endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

/** `new Client({ ...bounded settings, ...connection })`; `settings` replaces the request-path bounds (bulk work). */
export function sdkClient<Client>(
  ClientClass: new (configuration: ClientSettings & ClientConnection) => Client,
  connection: ClientConnection = {},
  settings: ClientSettings = SDK_CLIENT_SETTINGS,
): Client {
  return new ClientClass({ ...settings, ...connection });
}
