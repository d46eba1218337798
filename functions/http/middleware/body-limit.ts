import { PortalError } from '../../core/errors';
import type { HttpEvent, HttpMiddleware } from '../http-context';

export const MAX_BODY_BYTES = 8 * 1024;

export class PayloadTooLargeError extends PortalError {
  static override readonly codes = ['payload_too_large'];

  constructor() {
    super('payload_too_large', `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
}

/** The body's bytes as the caller sent them (API Gateway base64-encodes bodies it does not take for text). */
export function bodyBytesOf(event: HttpEvent): Buffer {
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
}

/** A body over MAX_BODY_BYTES → 413, before its media type or content is looked at. */
export function bodyLimit(): HttpMiddleware {
  return {
    before: (request) => {
      if (bodyBytesOf(request.event).byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError();
    },
  };
}
