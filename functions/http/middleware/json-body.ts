import { InvalidInputError } from '../../core/errors';
import { type HttpMiddleware, withContext } from '../http-context';
import { bodyBytesOf } from './body-limit';

/**
 * Parses the body as JSON into context.json; bytes that are not UTF-8 or text that is not JSON → 400 invalid_json.
 * The decoder is fatal, so a broken byte is refused rather than read as U+FFFD.
 */
export function jsonBody(): HttpMiddleware {
  return {
    before: (request) => {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bodyBytesOf(request.event)));
      } catch {
        throw new InvalidInputError('invalid_json', 'The request body is not valid JSON.');
      }
      withContext(request, { json });
    },
  };
}
