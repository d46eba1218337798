import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { deployed } from '../../../functions/wiring/deployed';

/*
 * deployed() (functions/wiring/deployed.ts), the one tail of every handler module: importing the module builds
 * nothing, the first invocation builds the handler, later ones reuse it, and a failed build is retried by the next.
 */

const context = { functionName: 'test', awsRequestId: 'request' } as Context;

function factoryCounting() {
  const created: string[] = [];
  const create = (dependencies: { greeting: string }) => {
    created.push(dependencies.greeting);
    return middy<{ name: string }, string>().handler(async (event) => `${dependencies.greeting} ${event.name}`);
  };
  return { create, created };
}

describe('deployed', () => {
  it('builds on the first invocation only, and hands back the factory as create', async () => {
    const { create, created } = factoryCounting();
    let builds = 0;
    const module = deployed('CreateCheck', create, async () => {
      builds += 1;
      return { greeting: 'hello' };
    });
    expect([builds, created]).toEqual([0, []]);
    expect(module.create).toBe(create);
    expect(await module.handler({ name: 'a' }, context)).toBe('hello a');
    expect(await module.handler({ name: 'b' }, context)).toBe('hello b');
    expect([builds, created]).toEqual([1, ['hello']]);
  });

  it('retries a failed build on the next invocation', async () => {
    const { create } = factoryCounting();
    let builds = 0;
    const module = deployed('SendEmail', create, async () => {
      builds += 1;
      if (builds === 1) throw new Error('secret not readable yet');
      return { greeting: 'hi' };
    });
    await expect(module.handler({ name: 'a' }, context)).rejects.toThrow('secret not readable yet');
    expect(await module.handler({ name: 'b' }, context)).toBe('hi b');
    expect(builds).toBe(2);
  });
});
