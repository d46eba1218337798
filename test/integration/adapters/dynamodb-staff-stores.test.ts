import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTokenStore } from '../../../functions/adapters/dynamodb/dynamodb-token-store';
import { ServiceUnavailableError } from '../../../functions/core/errors';
import type { AssistRequestRecord } from '../../../functions/core/ports';
import { AssistRequestClaimedError } from '../../../functions/core/staff/staff-errors';
import { createEmulatorClients } from '../../../functions/local/emulators/dynamodb-emulator';
import { assistRequestRecord, START } from '../../support/port-contracts/store-records';
import { key, useDynamoStores } from './dynamodb-store-fixture';

/*
 * What only the DynamoDB adapters of the staff console have: no half item from an update, races that conditional
 * writes decide, and an unreachable service. Their behaviour as ports is the contract suite
 * (dynamodb-store-contracts.test.ts).
 */

const context = useDynamoStores();

describe('DynamoDbAssistRequestStore items', () => {
  it('answers undefined for an unknown id instead of creating an item', async () => {
    const id = key('missing');
    expect(
      await context.stores.assistRequests.update(id, { status: 'done', updatedAt: START, updatedBy: 'agent-1' }),
    ).toBeUndefined();
    const item = await context.dynamo.client.send(
      new GetCommand({ TableName: context.dynamo.tableNames.assistRequests, Key: { id } }),
    );
    expect(item.Item).toBeUndefined();
  });
});

describe('when DynamoDB cannot be reached', () => {
  it('fails with ServiceUnavailableError, not a raw network error', async () => {
    // Port 1 has no listener; a free port picked now could be taken by another suite's emulator meanwhile.
    const closedPort = 1;
    const { client, documentClient } = createEmulatorClients(`http://127.0.0.1:${closedPort}`);
    try {
      const unreachable = new DynamoDbTokenStore(documentClient, context.dynamo.tableNames.tokens, context.clock);
      await expect(unreachable.get('anything')).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      client.destroy();
    }
  });
});

describe('DynamoDbAssistRequestStore claim race', () => {
  const change = (updatedBy: string, claim: 'take' | 'release') => ({
    status: 'in_progress' as const,
    updatedAt: START + 10,
    updatedBy,
    claim,
  });

  it('lets exactly one of two agents claiming at once win; the other is told it is claimed', async () => {
    const id = key('claim');
    await context.stores.assistRequests.create(assistRequestRecord(id, START));
    const attempts = await Promise.allSettled([
      context.stores.assistRequests.update(id, change('agent-1', 'take')),
      context.stores.assistRequests.update(id, change('agent-2', 'take')),
    ]);
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((attempt) => (attempt as PromiseRejectedResult).reason)).toEqual([
      expect.any(AssistRequestClaimedError),
    ]);
    const winner = (won[0] as PromiseFulfilledResult<AssistRequestRecord>).value.assignee;
    expect(['agent-1', 'agent-2']).toContain(winner);
    const [stored] = (await context.stores.assistRequests.listByStatus('in_progress', 1000)).filter((r) => r.id === id);
    expect(stored?.assignee).toBe(winner);
  });
});
