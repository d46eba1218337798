import { PortalError } from '../../core/errors';
import { type HttpMiddleware, headerValue } from '../http-context';

export class UnsupportedMediaTypeError extends PortalError {
  static override readonly codes = ['unsupported_media_type'];

  constructor() {
    super('unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.');
  }
}

/** A body that is not declared as JSON (application/json or any +json type) → 415. */
export function jsonMediaType(): HttpMiddleware {
  return {
    before: (request) => {
      const contentType = headerValue(request.event.headers, 'content-type') ?? '';
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json' && !mediaType?.endsWith('+json')) throw new UnsupportedMediaTypeError();
    },
  };
}
