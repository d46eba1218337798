import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { keyArnOfCiphertext } from './stand-ins/kms-stand-in';
import type { TemplateNames } from './template-names';

/*
 * A recording front for each emulator or stand-in. Every AWS request passes through it unchanged; on the way it
 * notes who called (the SigV4 Credential's access key id: each bundle runs with its function's logical id as its
 * key), what (the IAM action: X-Amz-Target for the JSON protocols, Action= for the query protocol) and on which
 * resource (the ARN IAM evaluates, derived from TableName, QueueUrl, SecretId, KeyId or the ciphertext's key, and
 * the SES identity and configuration set). The IAM parity check holds these calls against the template's policies.
 */

export interface RecordedCall {
  principal: string;
  /** IAM action, e.g. dynamodb:GetItem. */
  action: string;
  /** Every ARN the action is authorised against (SES SendEmail: the identity and the configuration set). */
  resources: string[];
  status: number;
  /** The service's error code for a failed call (never the body: it may hold an identifier). */
  errorCode?: string;
  /** A Secrets Manager read of a stage other than AWSCURRENT (the origin guard asks for AWSPREVIOUS). */
  versionStage?: string;
}

const TARGET_PREFIXES: Record<string, string> = {
  DynamoDB_20120810: 'dynamodb',
  AmazonSQS: 'sqs',
  secretsmanager: 'secretsmanager',
  TrentService: 'kms',
  PinpointSMSVoiceV2: 'sms-voice',
};

export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly servers: Server[] = [];
  private answersToLose: ((call: Omit<RecordedCall, 'status'>) => boolean)[] = [];
  /** As IAM would: a call its principal's policy does not allow is refused with AccessDenied, not forwarded. */
  authorize: (call: Omit<RecordedCall, 'status'>) => boolean = () => true;

  constructor(private readonly names: TemplateNames) {}

  /** Starts a recording front for `upstream` and returns its endpoint. */
  async front(upstream: string): Promise<string> {
    const target = new URL(upstream);
    const server = createServer(async (incoming, outgoing) => {
      const body = await bodyOf(incoming);
      const pending = this.describeCall(incoming, body);
      if (pending && !this.authorize(pending)) {
        this.calls.push({ ...pending, status: 400, errorCode: 'AccessDeniedException' });
        refuse(outgoing, pending);
        return;
      }
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const answerBody = Buffer.concat(chunks);
            if (pending && this.recordAndLose(pending, answer.statusCode ?? 0, answerBody)) {
              outgoing.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
              outgoing.end(JSON.stringify({ __type: 'InternalServerError', message: 'answer lost (rehearsal)' }));
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            outgoing.end(answerBody);
          });
        },
      );
      forwarded.on('error', (error) => {
        outgoing.writeHead(502);
        outgoing.end(String(error));
      });
      forwarded.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Fault injection: the next call that matches reaches the service, but its answer is replaced by a 500, as when
   * a response is lost on the way back. The SDK then retries — the path a function's retry handling must survive.
   */
  loseNextAnswer(matches: (call: Omit<RecordedCall, 'status'>) => boolean): void {
    this.answersToLose.push(matches);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map((server) => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
  }

  /** Records the call; true when its answer is to be lost (see loseNextAnswer). */
  private recordAndLose(call: Omit<RecordedCall, 'status'>, status: number, answerBody: Buffer): boolean {
    this.calls.push({ ...call, status, errorCode: errorCodeOf(status, answerBody) });
    const lose = this.answersToLose.findIndex((matches) => matches(call));
    if (lose < 0) return false;
    this.answersToLose.splice(lose, 1);
    return true;
  }

  private describeCall(incoming: IncomingMessage, body: Buffer): Omit<RecordedCall, 'status'> | undefined {
    const credential = /Credential=([^/]+)\//.exec(String(incoming.headers.authorization ?? ''));
    if (!credential?.[1]) return undefined;
    const principal = credential[1];
    const target = String(incoming.headers['x-amz-target'] ?? '');
    if (target) {
      const [prefix = '', operation = ''] = target.split('.');
      const service = TARGET_PREFIXES[prefix] ?? prefix.toLowerCase();
      const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      const resources = this.jsonResources(service, operation, input);
      const stage = typeof input.VersionStage === 'string' ? { versionStage: input.VersionStage } : {};
      return { principal, action: `${service}:${operation}`, resources, ...stage };
    }
    const form = new URLSearchParams(body.toString('utf8'));
    const action = form.get('Action');
    if (!action) return undefined;
    const scope =
      /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(String(incoming.headers.authorization))?.[1] ?? 'unknown';
    return { principal, action: `${scope}:${action}`, resources: this.queryResources(scope, form) };
  }

  private jsonResources(service: string, operation: string, input: Record<string, unknown>): string[] {
    const names = this.names;
    switch (service) {
      case 'dynamodb': {
        const tables = new Set<string>();
        if (typeof input.TableName === 'string') {
          const index = typeof input.IndexName === 'string' ? `/index/${input.IndexName}` : '';
          tables.add(`table/${input.TableName}${index}`);
        }
        for (const table of Object.keys((input.RequestItems ?? {}) as object)) tables.add(`table/${table}`);
        for (const item of (input.TransactItems ?? []) as Record<string, { TableName?: string }>[]) {
          for (const part of Object.values(item)) if (part.TableName) tables.add(`table/${part.TableName}`);
        }
        return [...tables].map((table) => names.arn('dynamodb', table));
      }
      case 'sqs': {
        const name =
          String(input.QueueUrl ?? input.QueueName ?? '')
            .split('/')
            .pop() ?? '';
        return [names.arn('sqs', name)];
      }
      case 'secretsmanager': {
        const id = String(input.SecretId ?? '');
        return [id.startsWith('arn:') ? id : names.arn('secretsmanager', `secret:${id}`)];
      }
      case 'kms': {
        const keyId = typeof input.KeyId === 'string' ? input.KeyId : undefined;
        const fromBlob =
          operation === 'Decrypt'
            ? keyArnOfCiphertext(Buffer.from(String(input.CiphertextBlob ?? ''), 'base64'))
            : undefined;
        const id = fromBlob ?? keyId ?? '';
        return [id.startsWith('arn:') ? id : names.arn('kms', `key/${id}`)];
      }
      case 'sms-voice': {
        // SendTextMessage is authorised on the configuration set and the origination identity; a sender id given
        // by name is the sender-id/<id>/<country> resource of the destination's country.
        const resources: string[] = [];
        if (typeof input.ConfigurationSetName === 'string') {
          const name = input.ConfigurationSetName;
          resources.push(name.startsWith('arn:') ? name : names.arn('sms-voice', `configuration-set/${name}`));
        }
        const identity = String(input.OriginationIdentity ?? '');
        if (identity.startsWith('arn:')) resources.push(identity);
        else if (identity) {
          const country = parsePhoneNumberFromString(String(input.DestinationPhoneNumber ?? ''))?.country ?? 'unknown';
          resources.push(names.arn('sms-voice', `sender-id/${identity}/${country}`));
        }
        return resources;
      }
      default:
        return [];
    }
  }

  private queryResources(service: string, form: URLSearchParams): string[] {
    if (service !== 'ses' && service !== 'email') return [];
    const source = form.get('Source') ?? '';
    const domain = /@([^>\s]+)>?$/.exec(source)?.[1] ?? source;
    const configurationSet = form.get('ConfigurationSetName');
    return [
      this.names.arn('ses', `identity/${domain}`),
      ...(configurationSet ? [this.names.arn('ses', `configuration-set/${configurationSet}`)] : []),
    ];
  }
}

/** The service's own AccessDenied shape: JSON for the JSON protocols, XML for SES's query protocol. */
function refuse(outgoing: ServerResponse, call: Omit<RecordedCall, 'status'>): void {
  const message = `User ${call.principal} is not authorized to perform: ${call.action} on resource: ${call.resources.join(', ')}`;
  if (call.action.startsWith('ses:')) {
    outgoing.writeHead(403, { 'content-type': 'text/xml' });
    outgoing.end(
      `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error></ErrorResponse>`,
    );
    return;
  }
  outgoing.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
  outgoing.end(JSON.stringify({ __type: 'AccessDeniedException', message }));
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function errorCodeOf(status: number | undefined, body: Buffer): string | undefined {
  if (status !== undefined && status < 400) return undefined;
  const text = body.toString('utf8');
  const json = /"__type"\s*:\s*"(?:[^"#]*#)?([^"]+)"/.exec(text)?.[1];
  return json ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP ${status}`;
}
