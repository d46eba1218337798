import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * The AWS JSON 1.1 wire protocol KMS speaks: POST /, `X-Amz-Target: <Service>.<Action>`, a JSON body, a JSON
 * answer; an error is status 400 with `__type`, which the SDK turns into its named exception. Kept apart so the
 * KMS stand-in is only the service's behaviour.
 */

export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export type JsonAction = (input: Record<string, unknown>) => Record<string, unknown>;

export interface RunningStandIn {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startJsonProtocolServer(
  targetPrefix: string,
  actions: Record<string, JsonAction>,
): Promise<RunningStandIn> {
  const server: Server = createServer(async (request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const action = target.startsWith(`${targetPrefix}.`) ? actions[target.slice(targetPrefix.length + 1)] : undefined;
    let status = 200;
    let output: Record<string, unknown>;
    try {
      if (!action) throw new ServiceError('UnknownOperationException', `${target} is not part of this stand-in`);
      output = action(JSON.parse((await bodyOf(request)) || '{}'));
    } catch (error) {
      status = 400;
      output =
        error instanceof ServiceError
          ? { __type: error.type, message: error.message }
          : { __type: 'InternalFailure', message: String(error) };
    }
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(output));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
