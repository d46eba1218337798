import { ManualClock } from '../../../functions/adapters/memory/manual-clock';
import { createMemoryStores } from '../../../functions/adapters/memory/memory-stores';
import { createStaffHttpHandler } from '../../../functions/http/staff-auth';
import { agentToken, invoke, staffDependencies, staffEvent, supervisorToken } from '../staff/staff-fixture';

/* staffAuth puts the audited call on the context of each request; a staff handler reads it from there. */

function setUp() {
  const clock = new ManualClock();
  const stores = createMemoryStores(clock);
  const deps = staffDependencies(stores, clock);
  const handler = createStaffHttpHandler(deps, 'lookup', {
    logger: deps.logger,
    originGuard: deps.originGuard,
    handle: async ({ context }) => {
      // Let the other calls start before this one reads its identity.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await context.staffCall.record({ outcome: 'allowed', detail: 'test' });
      return { status: 200, body: { staffId: context.staffCall.staff?.staffId, role: context.staffCall.staff?.role } };
    },
  });
  return { handler, stores, clock };
}

describe('the staff identity on the request context', () => {
  it('gives each of several simultaneous calls its own verified identity', async () => {
    const { handler } = setUp();
    const tokens = [agentToken(), supervisorToken(), agentToken()];
    // The fixture passes one shared Lambda context object to every call, as a local server might.
    const answers = await Promise.all(tokens.map((token) => invoke(handler, staffEvent({ token, method: 'GET' }))));
    expect(answers.map((answer) => answer.body)).toEqual([
      { staffId: 'agent.anna', role: 'agent' },
      { staffId: 'supervisor.sam', role: 'supervisor' },
      { staffId: 'agent.anna', role: 'agent' },
    ]);
  });

  it("audits a refused call once, and never as the previous caller's", async () => {
    const { handler, stores, clock } = setUp();
    expect((await invoke(handler, staffEvent({ token: supervisorToken(), method: 'GET' }))).status).toBe(200);
    expect((await invoke(handler, staffEvent({ method: 'GET' }))).status).toBe(401);
    const records = await stores.audit.list({ from: 0, to: clock.now() });
    const seen = records.map(({ staffId, outcome }) => ({ staffId, outcome }));
    expect(seen.sort((a, b) => a.staffId.localeCompare(b.staffId))).toEqual([
      { staffId: 'supervisor.sam', outcome: 'allowed' },
      { staffId: 'unknown', outcome: 'refused' },
    ]);
  });
});
