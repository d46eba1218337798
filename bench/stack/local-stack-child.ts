import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localTableNames } from '../../contract/tables';
import { createDynamoDbStores } from '../../functions/adapters/dynamodb/dynamodb-stores';
import { DEFAULT_BREACH_CONFIG_PATH, loadBreachConfig } from '../../functions/config/load-breach-config';
import { FIELDS } from '../../functions/core/fields';
import { exposureRecordsFor } from '../../functions/local/demo-data';
import { createEmulatorClients } from '../../functions/local/emulators/dynamodb-emulator';
import { loadOrCreateLocalPepper } from '../../functions/local/local-pepper';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack';
import { benchHitAddresses, benchHitPhone } from './bench-addresses';
import type { ChildReply, ChildRequest, StackProcessOptions } from './stack-protocol';

/*
 * The local stack (`npm start`'s startLocalStack) in a process of its own, for the reliability scripts: the load
 * generator, the fuzzer and the timing client then run in another process, as a real client would, and this
 * process's memory can be measured alone. It runs on free ports and a temporary LOCAL_DIR, with the breach config's
 * limits overridden for the run. Driven over the IPC channel by local-stack-process.ts.
 */

const options = JSON.parse(process.env.STACK_PROCESS_OPTIONS ?? '{}') as StackProcessOptions;

async function writeConfigOverride(): Promise<string> {
  const base = JSON.parse(await readFile(DEFAULT_BREACH_CONFIG_PATH, 'utf8')) as {
    limits: Record<string, number>;
    sms?: Record<string, unknown>;
  };
  const path = join(options.localDir, 'breach-config.json');
  const sms = base.sms && { sms: { ...base.sms, ...options.sms } };
  await writeFile(path, JSON.stringify({ ...base, limits: { ...base.limits, ...options.limits }, ...sms }, null, 2));
  return path;
}

/** The machine's clock plus an offset the driving script may move (to cross rate-limit windows without waiting). */
const clock = {
  offsetMs: 0,
  now(): number {
    return Date.now() + this.offsetMs;
  },
};

/** Breach records for the scripts' own hit addresses, stored as the import stores them (keyed hashes). */
async function seedHitAddresses(stack: LocalStack, configPath: string, count: number, phones = 0): Promise<void> {
  const config = await loadBreachConfig(configPath);
  const pepper = await loadOrCreateLocalPepper(options.localDir);
  const { client, documentClient } = createEmulatorClients(stack.urls.dynamoDb);
  try {
    const { exposures } = createDynamoDbStores({ client: documentClient, tableNames: localTableNames() });
    const records = [
      ...benchHitAddresses(count).flatMap((email, index) =>
        exposureRecordsFor({ label: `bench ${index}`, email, fields: [...FIELDS] }, config, pepper),
      ),
      ...Array.from({ length: phones }, (_, index) =>
        exposureRecordsFor(
          { label: `bench phone ${index}`, phone: benchHitPhone(index), fields: [...FIELDS] },
          config,
          pepper,
        ),
      ).flat(),
    ];
    for (let start = 0; start < records.length; start += 500)
      await exposures.putRecords(records.slice(start, start + 500));
  } finally {
    client.destroy();
  }
}

function reply(message: ChildReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const configPath = await writeConfigOverride();
  const stack: LocalStack = await startLocalStack({
    port: 0,
    dynamoDbPort: 0,
    sesPort: 0,
    localDir: options.localDir,
    breachConfigPath: configPath,
    generatedCustomers: options.generatedCustomers,
    logLevel: options.logLevel ?? 'WARN',
    clock,
  });
  if (options.seedHitAddresses || options.seedHitPhones) {
    await seedHitAddresses(stack, configPath, options.seedHitAddresses ?? 0, options.seedHitPhones);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    await rm(options.localDir, { recursive: true, force: true });
  };
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
  process.on('message', async (message: ChildRequest) => {
    try {
      if (message.op === 'settleMail') {
        await stack.mailSettled();
        reply({ id: message.id, ok: true });
      } else if (message.op === 'memory') {
        // A full collection first: what is left is what the process holds on to, not garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        const { rss, heapUsed } = process.memoryUsage();
        reply({ id: message.id, ok: true, memory: { rss, heapUsed } });
      } else if (message.op === 'setClockOffset') {
        clock.offsetMs = message.offsetMs;
        reply({ id: message.id, ok: true });
      } else if (message.op === 'stop') {
        await stop();
        reply({ id: message.id, ok: true });
        process.disconnect();
      }
    } catch (error) {
      reply({ id: message.id, ok: false, error: (error as Error).message });
    }
  });
  reply({ ready: true, urls: stack.urls, demoRecords: stack.demo.records });
}

main().catch((error: unknown) => {
  console.error(`The local stack did not start: ${(error as Error).message}`);
  process.exit(1);
});
