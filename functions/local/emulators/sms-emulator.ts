import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { emulatorConnection, sdkClient } from '../../wiring/sdk-client';
import { closeServer, listenOrExplain } from './emulator-listen';
import { renderSmsInbox, type StoredSms } from './sms-inbox-page';

/*
 * A STAND-IN, not AWS: the SMS outbox emulator. No emulator of AWS End User Messaging SMS exists, so this small
 * server speaks the one call the portal makes, SendTextMessage, in that API's real wire protocol (AWS JSON 1.0: POST /
 * with `X-Amz-Target: PinpointSMSVoiceV2.SendTextMessage`, a JSON body, `{"MessageId"}` back, errors as `__type`),
 * so the real @aws-sdk/client-pinpoint-sms-voice-v2 client runs locally and in the tests. Nothing is sent to a phone:
 * texts are kept in memory, readable as JSON at GET /store (POST /clear-store empties it), like aws-ses-v2-local's
 * mail, and shown on an inbox page at GET /. It checks what the real service would refuse outright: a missing
 * signature, an unknown operation, a number that is not E.164, an empty body or one over 1 600 characters.
 */

export const DEFAULT_SMS_PORT = 8006;
const SERVICE = 'SMS outbox emulator (stand-in for End User Messaging SMS)';
const TARGET_PREFIX = 'PinpointSMSVoiceV2.';
const MAX_BODY_CHARACTERS = 1600;
const MAX_REQUEST_BYTES = 64 * 1024;

export type { StoredSms };

export interface SmsEmulatorOptions {
  /** 0 picks a free port. Default 8006. */
  port?: number;
  host?: string;
}

export interface RunningSmsEmulator {
  endpoint: string;
  port: number;
  messages(): readonly StoredSms[];
  stop(): Promise<void>;
}

class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSmsEmulator(options: SmsEmulatorOptions = {}): Promise<RunningSmsEmulator> {
  const host = options.host ?? '127.0.0.1';
  const messages: StoredSms[] = [];
  const server = createServer((request, response) => {
    handle(request, response, messages).catch((error: unknown) => {
      const failure = error instanceof AwsJsonError ? error : new AwsJsonError('InternalServerException', 500, 'error');
      sendJson(response, failure.status, { __type: failure.type, message: failure.message }, failure.type);
    });
  });
  const port = await listenOrExplain(server, SERVICE, host, options.port ?? DEFAULT_SMS_PORT);
  return { endpoint: `http://${host}:${port}`, port, messages: () => [...messages], stop: () => closeServer(server) };
}

async function handle(request: IncomingMessage, response: ServerResponse, messages: StoredSms[]): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && path === '/store') {
    sendJson(response, 200, { messages });
    return;
  }
  if (request.method === 'POST' && path === '/clear-store') {
    messages.splice(0);
    sendJson(response, 200, { messages });
    return;
  }
  if (request.method === 'GET' && path === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(renderSmsInbox(messages));
    return;
  }
  if (request.method !== 'POST' || path !== '/') throw new AwsJsonError('UnknownOperationException', 404, 'Not found');

  const target = request.headers['x-amz-target'];
  if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
    throw new AwsJsonError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
  }
  if (target !== `${TARGET_PREFIX}SendTextMessage`) {
    throw new AwsJsonError('UnknownOperationException', 400, 'Only SendTextMessage is emulated.');
  }
  const input = await readJson(request);
  const destination = input.DestinationPhoneNumber;
  const body = input.MessageBody;
  if (typeof destination !== 'string' || !/^\+[1-9]\d{6,14}$/.test(destination)) {
    throw new AwsJsonError('ValidationException', 400, 'DestinationPhoneNumber must be an E.164 number.');
  }
  if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARACTERS) {
    throw new AwsJsonError('ValidationException', 400, `MessageBody must have 1 to ${MAX_BODY_CHARACTERS} characters.`);
  }
  const stored: StoredSms = {
    messageId: randomUUID(),
    destinationPhoneNumber: destination,
    originationIdentity: optionalString(input.OriginationIdentity),
    messageBody: body,
    messageType: optionalString(input.MessageType),
    configurationSetName: optionalString(input.ConfigurationSetName),
    at: Date.now(),
  };
  messages.push(stored);
  sendJson(response, 200, { MessageId: stored.messageId });
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).byteLength;
    if (bytes > MAX_REQUEST_BYTES) throw new AwsJsonError('ValidationException', 400, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AwsJsonError('SerializationException', 400, 'The request body is not a JSON object.');
}

function sendJson(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(JSON.stringify(body));
}

/** The real SDK client pointed at the emulator: dummy credentials (it only checks a signature is there). */
export function createEmulatorSmsClient(endpoint: string): PinpointSMSVoiceV2Client {
  return sdkClient(PinpointSMSVoiceV2Client, emulatorConnection(endpoint));
}

export async function readSmsStore(endpoint: string): Promise<StoredSms[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`The SMS emulator answered ${response.status} to GET /store`);
  return ((await response.json()) as { messages: StoredSms[] }).messages;
}

export async function clearSmsStore(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`The SMS emulator answered ${response.status} to POST /clear-store`);
}
