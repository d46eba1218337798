import * as z from 'zod';
import { LOCALES } from '../breach-config';
import { type InvalidInputCode, InvalidInputError, type PortalError } from '../errors';
import { IDENTIFIER_TYPES } from '../fields';

/*
 * The staff API's request shapes: one source of truth for the handlers, the tests and docs/staff.md. Every call
 * that touches a customer names why (a reason chosen from config.staff.reasons) and for which ticket, so the audit
 * log can be checked afterwards without holding anyone's personal data.
 */

/** A reason is an id from config.staff.reasons (staff-free-text.ts checks which); free text is not accepted. */
export const MAX_REASON_LENGTH = 64;
export const MAX_NOTE_LENGTH = 500;
export const MAX_TICKET_LENGTH = 40;

const reason = z.string().trim().min(1).max(MAX_REASON_LENGTH);
// The shape is config.staff.ticketPattern, checked with the reason (staff-free-text.ts).
const ticket = z.string().trim().min(1).max(MAX_TICKET_LENGTH);
// Long enough for any address or number; the normalisers do the real validation.
const identifierValue = z.string().min(1).max(320);

export const staffLookupRequestSchema = z
  .object({
    type: z.enum(IDENTIFIER_TYPES),
    value: identifierValue,
    reason,
    ticket,
    /** Language of the guidance links the agent reads out; the breach's default when omitted. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type StaffLookupRequest = z.output<typeof staffLookupRequestSchema>;

/** `email` re-sends the website's mail; `phone` the website's text to that number (DESIGN §9): exactly one. */
export const staffConfirmationRequestSchema = z
  .object({
    email: identifierValue.optional(),
    phone: z.string().min(1).max(40).optional(),
    reason,
    ticket,
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .refine((body) => (body.email === undefined) !== (body.phone === undefined), {
    path: ['email'],
    message: 'send either "email" or "phone"',
  });
export type StaffConfirmationRequest = z.output<typeof staffConfirmationRequestSchema>;

export const ASSIST_REQUEST_STATUSES = ['open', 'in_progress', 'done'] as const;

export const assistRequestUpdateSchema = z
  .object({
    status: z.enum(ASSIST_REQUEST_STATUSES),
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
    claim: z.enum(['take', 'release']).optional(),
  })
  .strict();
export type AssistRequestUpdate = z.output<typeof assistRequestUpdateSchema>;

/** Missing or empty reason/ticket get their own codes: the console shows the agent exactly what to fill in. */
export function mapStaffValidationError(issues: z.core.$ZodIssue[]): PortalError | undefined {
  for (const issue of issues) {
    const field = issue.path[0];
    const isMissing = issue.code === 'invalid_type' || issue.code === 'too_small';
    if (field === 'reason') {
      return isMissing
        ? new InvalidInputError('missing_reason', 'Say why you look this up (reason).')
        : new InvalidInputError('invalid_reason', 'Choose one of the reasons in the list.');
    }
    if (field === 'ticket') {
      return isMissing
        ? new InvalidInputError('missing_ticket', 'Give the ticket number of this call.')
        : new InvalidInputError('invalid_ticket', 'A ticket number looks like INC-123456.');
    }
  }
  return undefined;
}

// Query strings (GET): API Gateway hands them over as strings, so numbers are coerced here.
const isoDateOrTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date');

export const MAX_AUDIT_RANGE_DAYS = 31;
export const MAX_AUDIT_ROWS = 500;

export const auditQuerySchema = z
  .object({
    from: isoDateOrTime,
    to: isoDateOrTime.optional(),
    staff: z
      .string()
      .regex(/^[\w.@+-]{1,128}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_ROWS).optional(),
  })
  .strict();
export type AuditQueryRequest = z.output<typeof auditQuerySchema>;

export const MAX_METRIC_DAYS = 90;

export const metricsQuerySchema = z
  .object({ days: z.coerce.number().int().min(1).max(MAX_METRIC_DAYS).default(14) })
  .strict();

/** Each request shown is opened (KMS) and is someone's name and number: small pages, counted per agent. */
export const MAX_ASSIST_PAGE_SIZE = 20;

export const assistListQuerySchema = z
  .object({
    status: z.enum(ASSIST_REQUEST_STATUSES).default('open'),
    limit: z.coerce.number().int().min(1).max(MAX_ASSIST_PAGE_SIZE).default(MAX_ASSIST_PAGE_SIZE),
  })
  .strict();

/** Validates a query string; every failure is a 400 naming the parameter, never echoing its value. */
export function parseStaffQuery<TSchema extends z.ZodType>(
  schema: TSchema,
  query: Record<string, string | undefined> | undefined,
): z.output<TSchema> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    return throwInvalid('unknown_parameter', `Unknown query parameter(s): ${issue.keys.join(', ')}.`);
  }
  const name = issue?.path.join('.') || 'query';
  return throwInvalid('invalid_query', `Invalid value for "${name}": ${issue?.message ?? 'invalid'}.`);
}

function throwInvalid(code: InvalidInputCode, message: string): never {
  throw new InvalidInputError(code, message);
}
