import { ServiceUnavailableError } from '../../core/errors';

/*
 * SDK failures become the portal's typed errors here, in one place: throttling and an unreachable or failing service
 * are a 503 the caller may retry; a failed condition is handled by each store where it means something. SDK messages
 * may echo a key (only ever a hash here), and are kept as `cause`, never copied into our message.
 */

/** DynamoDB and SDK errors after which the same request may succeed: throttling, a busy or unreachable service. */
export const UNAVAILABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: { code?: string };
}

function shapeOf(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return shapeOf(error).name === 'ConditionalCheckFailedException';
}

export function isUnavailable(error: unknown): boolean {
  const { name, code, $retryable, $metadata, cause } = shapeOf(error);
  const networkCode = code ?? cause?.code;
  return (
    (name !== undefined && UNAVAILABLE_ERROR_NAMES.has(name)) ||
    (networkCode !== undefined && NETWORK_ERROR_CODES.has(networkCode)) ||
    Boolean($retryable) ||
    // The SDK attaches $metadata to every error; without an HTTP status no answer came back at all (and the SDK
    // may have wrapped the socket error, losing its code).
    ($metadata !== undefined && $metadata.httpStatusCode === undefined) ||
    ($metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** Rethrows `error` as ServiceUnavailableError when retrying later could help; otherwise unchanged. */
export function mapDynamoDbError(error: unknown): never {
  if (isUnavailable(error)) {
    const mapped = new ServiceUnavailableError();
    mapped.cause = error;
    throw mapped;
  }
  throw error;
}

/** BatchWriteItem left items unprocessed after every retry: the import must fail loudly, not drop records. */
export class UnprocessedWritesError extends ServiceUnavailableError {
  constructor(
    readonly unprocessedCount: number,
    attempts: number,
  ) {
    super(
      `DynamoDB left ${unprocessedCount} item(s) unwritten after ${attempts} attempts; nothing was skipped silently.`,
    );
  }
}
