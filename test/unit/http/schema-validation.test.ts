import { z } from 'zod';
import { InvalidEmailError, InvalidInputError } from '../../../functions/core/errors';
import { jsonBody } from '../../../functions/http/middleware/json-body';
import { schemaValidation } from '../../../functions/http/middleware/schema-validation';
import { jsonEvent } from '../check/api-gateway-event';
import { chainOf } from './middleware-chain';

const schema = z.strictObject({ email: z.string().trim().min(3), count: z.number().int().optional() });

describe('schemaValidation middleware', () => {
  it("puts the schema's output on the context", async () => {
    const { run, seen } = chainOf(jsonBody(), schemaValidation(schema));
    await run(jsonEvent({ email: '  a@b  ', count: 2 }));
    expect(seen[0]?.body).toEqual({ email: 'a@b', count: 2 });
  });

  it('names an unknown field rather than the missing one it may be a misspelling of', async () => {
    const { run, seen } = chainOf(jsonBody(), schemaValidation(schema));
    await expect(run(jsonEvent({ emial: 'a@b' }))).rejects.toMatchObject({
      code: 'unknown_field',
      message: 'Unknown field(s): emial.',
    });
    expect(seen).toHaveLength(0);
  });

  it('names the path of the first invalid value, never the value', async () => {
    const { run } = chainOf(jsonBody(), schemaValidation(schema));
    const refusal = await run(jsonEvent({ email: 'secret@example.nl', count: 1.5 })).catch((error) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(refusal).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('"count"') });
    expect(refusal.message).not.toContain('1.5');
  });

  it("lets the route's mapper choose the error, and falls back when it has none", async () => {
    const mapper = (issues: z.core.$ZodIssue[]) =>
      issues.some((issue) => issue.path[0] === 'email') ? new InvalidEmailError() : undefined;
    const { run } = chainOf(jsonBody(), schemaValidation(schema, mapper));
    await expect(run(jsonEvent({ email: '' }))).rejects.toBeInstanceOf(InvalidEmailError);
    await expect(run(jsonEvent({ email: 'a@b', count: 'x' }))).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
