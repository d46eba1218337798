import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A STAND-IN for Secrets Manager (no emulator exists for it): a node:http server speaking the service's real wire
 * protocol — AWS JSON 1.1, `POST /` with `X-Amz-Target: secretsmanager.GetSecretValue` — so the real
 * @aws-sdk/client-secrets-manager runs against it unchanged (point it here with AWS_ENDPOINT_URL_SECRETS_MANAGER or
 * `endpoint`). Only GetSecretValue, the one call the portal makes; anything else gets the error the service sends
 * for an unknown operation. Signatures are not checked. It records each call's target and SecretId (never a value).
 *
 *   const secrets = await startSecretsManagerStandIn({ 'arn:aws:secretsmanager:…:secret:pepper': text });
 *   process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
 *   …
 *   await secrets.stop();
 */

export interface SecretsManagerStandIn {
  endpoint: string;
  /** Every request received, in order: the X-Amz-Target operation and the SecretId asked for. */
  calls: { operation: string; secretId: string | undefined }[];
  stop(): Promise<void>;
}

const JSON_11 = 'application/x-amz-json-1.1';

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': JSON_11, 'x-amzn-requestid': crypto.randomUUID() });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSecretsManagerStandIn(
  secrets: Record<string, string>,
  options: { port?: number } = {},
): Promise<SecretsManagerStandIn> {
  const calls: SecretsManagerStandIn['calls'] = [];
  const server = createServer(async (request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^secretsmanager\./, '');
    let input: { SecretId?: string; VersionStage?: string } = {};
    try {
      input = JSON.parse((await readBody(request)) || '{}');
    } catch {
      return reply(response, 400, { __type: 'SerializationException', message: 'Request body is not JSON' });
    }
    calls.push({ operation, secretId: input.SecretId });
    if (request.method !== 'POST' || operation !== 'GetSecretValue')
      return reply(response, 400, { __type: 'UnknownOperationException', message: `Unsupported: ${target}` });
    const secretId = input.SecretId ?? '';
    // The service accepts the ARN or the name; the stand-in accepts either key it was given, or a name ending an ARN.
    const arn = Object.keys(secrets).find((key) => key === secretId || key.endsWith(`:secret:${secretId}`));
    if (!arn)
      return reply(response, 400, {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      });
    // Each secret has one version, AWSCURRENT; the service answers any other stage (AWSPREVIOUS before the first
    // rotation) as it does: ResourceNotFoundException.
    if (input.VersionStage !== undefined && input.VersionStage !== 'AWSCURRENT')
      return reply(response, 400, {
        __type: 'ResourceNotFoundException',
        message: `Secrets Manager can't find the specified secret value for staging label: ${input.VersionStage}`,
      });
    return reply(response, 200, {
      ARN: arn,
      Name: arn.split(':secret:').pop(),
      SecretString: secrets[arn],
      VersionId: '00000000-0000-4000-8000-000000000001',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: Date.now() / 1000,
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
