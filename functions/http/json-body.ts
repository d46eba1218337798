import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidInputError, PortalError } from '../core/errors';

export const MAX_BODY_BYTES = 8 * 1024;

export class PayloadTooLargeError extends PortalError {
  constructor() {
    super('payload_too_large', 413, `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
}

export class UnsupportedMediaTypeError extends PortalError {
  constructor() {
    super('unsupported_media_type', 415, 'Send the request body as JSON with Content-Type: application/json.');
  }
}

/** Reads, size-checks, parses and validates a JSON body; every failure is a typed 4xx. */
export function parseJsonBody<TSchema extends z.ZodType>(
  event: APIGatewayProxyEventV2,
  schema: TSchema,
  mapValidationError?: (issues: z.core.$ZodIssue[]) => PortalError | undefined,
): z.output<TSchema> {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError();

  const contentType = headerValue(event.headers, 'content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json' && !mediaType?.endsWith('+json')) throw new UnsupportedMediaTypeError();

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidInputError('invalid_json', 'The request body is not valid JSON.');
  }

  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const mapped = mapValidationError?.(result.error.issues);
  if (mapped) throw mapped;
  throw validationError(result.error.issues);
}

function validationError(issues: z.core.$ZodIssue[]): InvalidInputError {
  // An unknown field wins over other issues: a misspelt key also shows up as a "missing" one, and the unknown
  // name is what the caller needs to see.
  const unknownKeys = issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownKeys?.code === 'unrecognized_keys') {
    return new InvalidInputError('unknown_field', `Unknown field(s): ${unknownKeys.keys.join(', ')}.`);
  }
  const first = issues[0];
  const path = first?.path.join('.') || 'body';
  return new InvalidInputError('invalid_request', `Invalid value for "${path}": ${first?.message ?? 'invalid'}.`);
}

export function headerValue(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
