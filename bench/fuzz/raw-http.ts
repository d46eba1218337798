import { connect } from 'node:net';

/*
 * HTTP/1.1 written byte for byte on a TCP socket: the fuzzer must be able to send what no well-behaved client
 * (fetch, node:http) would let it — duplicate or contradictory headers, a wrong Content-Length, raw control
 * characters, a request target that is not a path. Every exchange is bounded: the answer, the server closing the
 * connection, or the client's timeout, whichever comes first.
 */

export interface RawRequest {
  method: string;
  target: string;
  /** Header lines in order, duplicates allowed. Host and Connection: close are added unless present. */
  headers: [string, string][];
  body: Buffer;
  /** 'exact' adds a correct Content-Length; 'none' adds none; a number declares that many bytes whatever is sent. */
  contentLength: 'exact' | 'none' | number;
}

export type RawOutcome =
  | { kind: 'answered'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'closed' }
  | { kind: 'timeout' };

export function serialiseRequest(request: RawRequest, host: string): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  if (!names.has('host')) lines.push(`Host: ${host}`);
  lines.push(...request.headers.map(([name, value]) => `${name}: ${value}`));
  if (!names.has('connection')) lines.push('Connection: close');
  if (request.contentLength === 'exact') lines.push(`Content-Length: ${request.body.byteLength}`);
  else if (typeof request.contentLength === 'number') lines.push(`Content-Length: ${request.contentLength}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), request.body]);
}

/** Sends one request on a fresh connection and reads the first answer (status, headers, body up to 64 KiB). */
export function sendRaw(portalUrl: string, request: RawRequest, timeoutMs = 5_000): Promise<RawOutcome> {
  const { hostname, port } = new URL(portalUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(parseResponse(Buffer.concat(chunks)) ?? { kind: 'timeout' }), timeoutMs);
    socket.on('connect', () => {
      socket.write(serialiseRequest(request, `${hostname}:${port}`));
      // Half-close: a server waiting for a body that was declared but never sent sees the end at once.
      socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      if (received < 64 * 1024) chunks.push(chunk);
      received += chunk.byteLength;
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed && parsed.kind === 'answered' && isComplete(parsed, Buffer.concat(chunks))) finish(parsed);
    });
    socket.on('error', () => finish(parseResponse(Buffer.concat(chunks)) ?? { kind: 'closed' }));
    socket.on('close', () => finish(parseResponse(Buffer.concat(chunks)) ?? { kind: 'closed' }));
  });
}

function parseResponse(bytes: Buffer): RawOutcome | undefined {
  const headerEnd = bytes.indexOf('\r\n\r\n');
  if (headerEnd < 0) return undefined;
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headerEnd).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { kind: 'answered', status, headers, body: bytes.subarray(headerEnd + 4).toString('utf8') };
}

function isComplete(outcome: { headers: Record<string, string>; body: string }, bytes: Buffer): boolean {
  const declared = Number(outcome.headers['content-length']);
  if (!Number.isFinite(declared)) return false;
  return bytes.byteLength - (bytes.indexOf('\r\n\r\n') + 4) >= declared;
}
