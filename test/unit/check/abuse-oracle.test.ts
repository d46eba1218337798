import { createCheckHandler } from '../../../functions/handlers/create-check';
import { createRedeemResultHandler } from '../../../functions/handlers/redeem-result';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture, exposureFor } from './check-fixture';

/*
 * DESIGN §2.4 on the new refusal paths: the rolling mailbox window, the canonical mailbox, the non-ASCII refusal and
 * the /results limit answer exactly alike whether or not the address (or token) is in the breach.
 */

type Fixture = ReturnType<typeof createCheckFixture>;

async function withBreach(): Promise<Fixture> {
  const fixture = createCheckFixture();
  fixture.clock.set(Date.parse('2026-03-01T10:00:00Z'));
  await fixture.stores.exposures.putRecords([
    exposureFor('a.b+x@gmail.com', 'subject-1', ['iban']),
    exposureFor('jösé@example.nl', 'subject-2', ['email']),
  ]);
  return fixture;
}

/** The same sequence of requests, for one address of the breach and one that is not. */
async function answersFor(emails: string[]) {
  const { deps, clock } = await withBreach();
  const handler = createCheckHandler(deps);
  const answers = [];
  for (const [i, email] of emails.entries()) {
    answers.push(await invoke(handler, jsonEvent({ email }, { sourceIp: `198.51.100.${i}` })));
    clock.advance(60_000);
  }
  return answers;
}

describe('no membership oracle on the abuse paths', () => {
  it('refuses mailbox variants past the limit identically for a hit and a miss mailbox', async () => {
    const hitVariants = ['a.b+x@gmail.com', 'ab@gmail.com', 'a.b@googlemail.com', 'ab+1@gmail.com', 'A.B@gmail.com'];
    const missVariants = hitVariants.map((email) => email.replace(/a\.?b/i, 'c.d'));
    const extra = (variants: string[]) => [...variants, ...variants.slice(0, 2)];

    const hit = await answersFor(extra(hitVariants));
    const miss = await answersFor(extra(missVariants));

    expect(hit.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 429, 429]);
    expect(miss).toEqual(hit);
  });

  it('refuses a non-ASCII local part identically whether or not it is in the breach', async () => {
    const [hit] = await answersFor(['jösé@example.nl']);
    const [miss] = await answersFor(['jüsé@example.nl']);
    expect(hit?.status).toBe(400);
    expect(miss).toEqual(hit);
  });

  it('counts the /results limit before the token is looked up: a real and a made-up token get the same 429', async () => {
    const { deps, emailQueue } = await withBreach();
    await invoke(createCheckHandler(deps), jsonEvent({ email: 'ab@gmail.com' }));
    await invoke(createCheckHandler(deps), jsonEvent({ email: 'a.b+x@gmail.com' }));
    // The canonical mailbox is for counting only: the look-up keeps the exact address (DESIGN §4).
    expect(emailQueue.jobs.map((queued) => queued.kind)).toEqual(['not_found', 'affected']);
    const job = emailQueue.jobs[1];
    if (job?.kind !== 'affected') throw new Error('expected an affected job');
    const redeem = createRedeemResultHandler(deps);
    const post = (token: string) =>
      invoke(redeem, jsonEvent({ token }, { path: '/api/v1/results', sourceIp: '2001:db8::1' }));

    for (let i = 0; i < config.limits.resultsPerIpPerMinute; i += 1) await post(`guess-${i}`);
    // Another address of the same IPv6 /64: still the same counter.
    const real = await invoke(
      redeem,
      jsonEvent({ token: job.token }, { path: '/api/v1/results', sourceIp: '2001:db8::2' }),
    );
    const guessed = await post('guess-final');

    expect(real.status).toBe(429);
    expect(guessed).toEqual(real);
  });
});
