import type { AssistFieldError } from './assist-api-errors';

/*
 * The call-back form's own checks, run on every field at once before anything is sent, so a customer sees all that
 * needs fixing in one go instead of one API answer at a time. They mirror the API's rules closely enough to catch
 * typos; the API (core/identifiers.ts) stays the judge and normalises exactly as the staff look-up will.
 */

export interface AssistDraft {
  name: string;
  phone?: string;
  customerNumber?: string;
  preferredTime: string;
  message?: string;
}

const MESSAGE_MAX_LENGTH = 500;

export function assistDraftErrors(draft: AssistDraft, customerNumberPattern: string): AssistFieldError[] {
  const errors: AssistFieldError[] = [];
  if (!draft.name) errors.push({ field: 'name', messageKey: 'invalid_name' });
  if (!draft.phone && !draft.customerNumber) errors.push({ field: 'phone', messageKey: 'need_contact' });
  if (draft.phone && !looksLikePhone(draft.phone)) errors.push({ field: 'phone', messageKey: 'invalid_phone' });
  if (draft.customerNumber && !matchesCustomerNumber(draft.customerNumber, customerNumberPattern)) {
    errors.push({ field: 'customerNumber', messageKey: 'invalid_customer_number' });
  }
  if (!draft.preferredTime) errors.push({ field: 'preferredTime', messageKey: 'invalid_preferred_time' });
  if ((draft.message?.length ?? 0) > MESSAGE_MAX_LENGTH)
    errors.push({ field: 'message', messageKey: 'invalid_message' });
  return errors;
}

/** Digits with the usual separators, 8 to 15 digits (E.164 allows at most 15). */
function looksLikePhone(value: string): boolean {
  if (!/^[+\d\s().\-/]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}

function matchesCustomerNumber(value: string, pattern: string): boolean {
  const cleaned = value.replace(/[\s-]+/g, '').toUpperCase();
  try {
    return new RegExp(pattern).test(cleaned);
  } catch {
    return true;
  }
}
