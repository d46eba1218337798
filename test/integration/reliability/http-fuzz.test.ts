import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOutcomes, runFuzzRound } from '../../../bench/fuzz/fuzz-round';
import { sampleMalformedRequests } from '../../../bench/fuzz/malformed-requests';
import { sendRaw } from '../../../bench/fuzz/raw-http';
import { type LocalStack, startLocalStack } from '../../../functions/local/local-stack';

/*
 * The fixed-seed slice of the HTTP fuzz (`npm run fuzz` is the long run): malformed requests over raw TCP to the
 * local stack as `npm start` runs it (free ports, throwaway LOCAL_DIR, default limits). No answer may be a 5xx, an
 * API error must have the error shape, no path trick may reach a file outside the site, and the stack must still
 * serve afterwards.
 */

let stack: LocalStack;
let localDir: string;

beforeAll(async () => {
  localDir = await mkdtemp(join(tmpdir(), 'portal-fuzz-'));
  stack = await startLocalStack({
    port: 0,
    dynamoDbPort: 0,
    sesPort: 0,
    localDir,
    buildSite: false,
    generatedCustomers: 20,
    logLevel: 'SILENT',
  });
});

afterAll(async () => {
  await stack?.stop();
  await rm(localDir, { recursive: true, force: true });
});

it('answers 400 invalid_request to request targets no URL parser accepts (found by the fuzzer: they were 500s)', async () => {
  for (const target of ['http://[::1', '//%2f/nl']) {
    const outcome = await sendRaw(stack.urls.portal, {
      method: 'GET',
      target,
      headers: [],
      body: Buffer.alloc(0),
      contentLength: 'none',
    });
    expect(outcome).toMatchObject({ kind: 'answered', status: 400 });
    if (outcome.kind === 'answered') {
      expect(JSON.parse(outcome.body)).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
    }
  }
});

it('meets 400 fixed-seed malformed requests without a 5xx, a shapeless API error or a file from outside the site', async () => {
  const tally = await runFuzzRound(stack.urls.portal, sampleMalformedRequests(400, 20260207), { concurrency: 8 });

  expect(tally.findings).toEqual([]);
  expect(tally.sent).toBe(400);
  // Not a vacuous run: the corpus reached the handlers' own refusals, not only Node's parser.
  const outcomes = formatOutcomes(tally.outcomes);
  expect(outcomes).toMatch(/400×/);
  expect(outcomes).toMatch(/413×/);
  expect(outcomes).toMatch(/415×/);
  expect(outcomes).toMatch(/405×/);

  const health = await fetch(`${stack.urls.portal}/api/v1/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: 'A'.repeat(43) }),
  });
  expect(health.status).toBe(404);
});
