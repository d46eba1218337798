// One long-lived process per synthesized function, as a warm Lambda container is: it imports the bundle's
// index.mjs once (the cold start is paid once) and answers invocations sent over the IPC channel:
//   parent → { id, event }      child → { id, result } | { id, error: { name, message } }
// Powertools logs and metrics go to stdout as on Lambda; the parent keeps them apart from the protocol.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundleDir, functionName] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(join(bundleDir, 'index.mjs')).href);
let invocation = 0;

process.on('message', async ({ id, event }) => {
  invocation += 1;
  const deadline = Date.now() + 10_000;
  const context = {
    functionName,
    functionVersion: '$LATEST',
    awsRequestId: `rehearsal-${invocation}`,
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
  try {
    const result = await handler(event, context);
    process.send({ id, result: result ?? null });
  } catch (error) {
    process.send({
      id,
      error: { name: error?.name ?? 'Error', message: String(error?.message ?? error).split('\n')[0] },
    });
  }
});
// The rehearsal ended (or died): a container without its runtime has nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
