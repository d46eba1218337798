import type { z } from 'zod';
import { InvalidInputError, type PortalError } from '../../core/errors';
import { type HttpMiddleware, withContext } from '../http-context';

/** Maps a schema failure to a domain error, e.g. a bad `email` → invalid_email; undefined for the generic codes. */
export type ValidationErrorMapper = (issues: z.core.$ZodIssue[]) => PortalError | undefined;

/** Validates context.json against the route's schema into context.body; a violation → 400 (mapped or generic). */
export function schemaValidation(schema: z.ZodType, mapValidationError?: ValidationErrorMapper): HttpMiddleware {
  return {
    before: (request) => {
      const result = schema.safeParse(request.context.json);
      if (!result.success) throw mapValidationError?.(result.error.issues) ?? validationError(result.error.issues);
      withContext(request, { body: result.data });
    },
  };
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
