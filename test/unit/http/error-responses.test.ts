import { TokenExpiredError } from '../../../functions/core/check/result-errors';
import { PortalError, RateLimitedError, ServiceUnavailableError } from '../../../functions/core/errors';
import type { HttpMiddleware } from '../../../functions/http/http-context';
import { errorResponses } from '../../../functions/http/middleware/error-responses';
import { apiEvent } from '../check/api-gateway-event';
import { RecordingLogger } from '../staff/staff-fixture';
import { chainOf } from './middleware-chain';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function failingWith(error: unknown) {
  const logger = new RecordingLogger();
  const throwing: HttpMiddleware = {
    before: () => {
      throw error;
    },
  };
  const { run } = chainOf(errorResponses(logger), throwing);
  return { answer: () => run(apiEvent()), logger };
}

describe('errorResponses middleware', () => {
  it("answers a refusal with its code's status, code and message, and logs nothing", async () => {
    const { answer, logger } = failingWith(new TokenExpiredError());
    expect(await answer()).toEqual({
      statusCode: 410,
      headers: BASE_HEADERS,
      body: JSON.stringify({
        error: { code: 'token_expired', message: 'This link has expired. Please check your address again.' },
      }),
    });
    expect(logger.lines).toEqual([]);
  });

  it('sends Retry-After in whole seconds, at least 1, with a limit', async () => {
    expect((await failingWith(new RateLimitedError(12.2)).answer()).headers).toMatchObject({ 'retry-after': '13' });
    expect((await failingWith(new RateLimitedError(0)).answer()).headers).toMatchObject({ 'retry-after': '1' });
    expect((await failingWith(new TokenExpiredError()).answer()).headers).not.toHaveProperty('retry-after');
  });

  it('answers and logs a failure of ours by its code and class', async () => {
    const { answer, logger } = failingWith(new ServiceUnavailableError());
    expect(await answer()).toMatchObject({ statusCode: 503 });
    expect(logger.lines.map((line) => JSON.parse(line))).toEqual([
      { message: 'request failed', extra: { code: 'service_unavailable', errorName: 'ServiceUnavailableError' } },
    ]);
  });

  it('answers an unexpected error with 500 internal_error that says nothing of it', async () => {
    const { answer, logger } = failingWith(new TypeError('table portal-secret-name is gone'));
    const response = await answer();
    expect(response).toMatchObject({ statusCode: 500, headers: BASE_HEADERS });
    expect(JSON.parse(String(response.body))).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(logger.lines.map((line) => JSON.parse(line))).toEqual([
      {
        message: 'unexpected error',
        extra: { errorName: 'TypeError', errorMessage: 'table portal-secret-name is gone' },
      },
    ]);
  });

  it('answers 500 to a code that has no row in the status table', async () => {
    expect(await failingWith(new PortalError('no_such_code', 'x')).answer()).toMatchObject({ statusCode: 500 });
  });
});
