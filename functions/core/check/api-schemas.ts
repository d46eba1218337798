import * as z from 'zod';
import { LOCALES } from '../breach-config';
import {
  InvalidCustomerNumberError,
  InvalidEmailError,
  InvalidInputError,
  InvalidPhoneError,
  type PortalError,
} from '../errors';

/*
 * The public API's request bodies (DESIGN §5), one schema each. Strict objects: an unknown field is a 400
 * `unknown_field`, never silently ignored. Every string is bounded before any normalisation runs on it.
 */

/** RFC 5321 allows 254 characters in a path; 320 leaves room for whitespace and Unicode before normalising. */
export const MAX_EMAIL_INPUT_LENGTH = 320;

export const checkRequestSchema = z.strictObject({
  email: z.string().max(MAX_EMAIL_INPUT_LENGTH),
  locale: z.enum(LOCALES).optional(),
});
export type CheckRequestBody = z.output<typeof checkRequestSchema>;

/** A malformed token is looked up like any other and ends as token_unknown: the page then offers "check again". */
export const resultRequestSchema = z.strictObject({
  token: z.string().min(1).max(256),
});
export type ResultRequestBody = z.output<typeof resultRequestSchema>;

/*
 * The assist request's details are sealed whole with KMS, which encrypts at most 4 096 bytes (ports.ts
 * SECRET_BOX_MAX_PLAINTEXT_BYTES). zod's max() counts characters (code points), and a character is up to 4 UTF-8
 * bytes, so the limits are chosen for the largest valid request in any script to fit: name 100 + preferred time 200
 * + message 500 characters × 4 = 3 200 bytes, a customer number (≤ 100 characters, 400 bytes), a normalised phone
 * (≤ 16) and ≈ 75 bytes of JSON keys: ≤ 3 691 bytes. The form has the same name and message limits. What still grows
 * when serialised (control characters become 6-byte JSON escapes) is refused on its exact bytes: 400
 * assist_request_too_long (create-assist-request.ts).
 */
export const ASSIST_NAME_MAX_LENGTH = 100;
export const ASSIST_PREFERRED_TIME_MAX_LENGTH = 200;
export const ASSIST_MESSAGE_MAX_LENGTH = 500;

export const assistRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(ASSIST_NAME_MAX_LENGTH),
  phone: z.string().max(40).optional(),
  customerNumber: z.string().max(100).optional(),
  /** Free text such as "weekdays after 18:00": the form offers choices, staff read it as written. */
  preferredTime: z.string().trim().min(1).max(ASSIST_PREFERRED_TIME_MAX_LENGTH),
  locale: z.enum(LOCALES).optional(),
  message: z.string().trim().max(ASSIST_MESSAGE_MAX_LENGTH).optional(),
});
export type AssistRequestBody = z.output<typeof assistRequestSchema>;

function firstIssueOn(issues: z.core.$ZodIssue[], field: string): z.core.$ZodIssue | undefined {
  return issues.find((issue) => issue.code !== 'unrecognized_keys' && issue.path[0] === field);
}

/** A missing, mistyped or overlong `email` is the one error a customer can act on: invalid_email. */
export function mapCheckValidationError(issues: z.core.$ZodIssue[]): PortalError | undefined {
  if (issues.some((issue) => issue.code === 'unrecognized_keys')) return undefined;
  return firstIssueOn(issues, 'email') ? new InvalidEmailError() : undefined;
}

export function mapAssistValidationError(issues: z.core.$ZodIssue[]): PortalError | undefined {
  if (issues.some((issue) => issue.code === 'unrecognized_keys')) return undefined;
  if (firstIssueOn(issues, 'phone')) return new InvalidPhoneError();
  if (firstIssueOn(issues, 'customerNumber')) return new InvalidCustomerNumberError();
  if (firstIssueOn(issues, 'name'))
    return new InvalidInputError('invalid_name', `Enter your name (at most ${ASSIST_NAME_MAX_LENGTH} characters).`);
  if (firstIssueOn(issues, 'preferredTime')) {
    return new InvalidInputError(
      'invalid_preferred_time',
      `Say when we may call you (at most ${ASSIST_PREFERRED_TIME_MAX_LENGTH} characters).`,
    );
  }
  if (firstIssueOn(issues, 'message'))
    return new InvalidInputError(
      'invalid_message',
      `Your message is too long (at most ${ASSIST_MESSAGE_MAX_LENGTH} characters).`,
    );
  return undefined;
}
