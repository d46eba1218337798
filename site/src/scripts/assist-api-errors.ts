/*
 * Which assist-form field an API 400 belongs to. The API answers with a code per field (invalid_phone, …) or, for a
 * schema error, invalid_request naming the field in its message ("Invalid value for "phone""). The message key
 * picks the form's data-msg-* text, so the customer reads the form's own words in their language.
 */

export interface AssistFieldError {
  field: 'name' | 'phone' | 'customerNumber' | 'preferredTime' | 'message';
  messageKey: string;
}

const BY_CODE: Record<string, AssistFieldError> = {
  invalid_name: { field: 'name', messageKey: 'invalid_name' },
  invalid_phone: { field: 'phone', messageKey: 'invalid_phone' },
  invalid_customer_number: { field: 'customerNumber', messageKey: 'invalid_customer_number' },
  missing_contact: { field: 'phone', messageKey: 'need_contact' },
  invalid_preferred_time: { field: 'preferredTime', messageKey: 'invalid_preferred_time' },
  invalid_message: { field: 'message', messageKey: 'invalid_message' },
  // The sealed details are over KMS's 4 096 bytes: the message is the part the customer can shorten.
  assist_request_too_long: { field: 'message', messageKey: 'invalid_message' },
};

export function assistFieldError(code: string, message: string): AssistFieldError | undefined {
  const known = BY_CODE[code];
  if (known) return known;
  const named = /"(name|phone|customerNumber|preferredTime|message)"/.exec(message)?.[1];
  return Object.values(BY_CODE).find((entry) => entry.field === named);
}
