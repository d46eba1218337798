import { resolve } from 'node:path';
import { DEMO_ADDRESSES, DEMO_MOBILE_NUMBERS, DEMO_PEOPLE } from './demo-data';
import { PortInUseError, parsePort } from './emulators/port-check';
import { type LocalStack, startLocalStack } from './local-stack';
import { watchForStopRequest } from './stop-request';

/*
 * `npm start` (bin/start.mjs): reads the environment once, starts the local stack, prints where everything is and
 * waits for Ctrl-C. Every failure before the stack is up is one readable sentence and exit code 1. A stop request (a
 * signal, or npm's shell dying) closes every server and exits 0: the stop was asked for and went as planned, and npm
 * then prints no "command failed" block.
 */

export const LOCAL_DEFAULTS = {
  port: 3000,
  dynamoDbPort: 8000,
  sesPort: 8005,
  smsPort: 8006,
  localDir: '.local',
} as const;

/** Longer than the mail flush (10 s) plus closing the servers; past it something hangs and the exit must not. */
const STOP_DEADLINE_MS = 20_000;

export async function main(env: NodeJS.ProcessEnv): Promise<number> {
  const stopRequest = watchForStopRequest();
  // With npm's shell gone, nobody may read our output any more; a failed write must not end the process uncleanly.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      port: parsePort(env.PORT, LOCAL_DEFAULTS.port, 'PORT'),
      dynamoDbPort: parsePort(env.DYNAMODB_PORT, LOCAL_DEFAULTS.dynamoDbPort, 'DYNAMODB_PORT'),
      sesPort: parsePort(env.SES_PORT, LOCAL_DEFAULTS.sesPort, 'SES_PORT'),
      smsPort: parsePort(env.SMS_PORT, LOCAL_DEFAULTS.smsPort, 'SMS_PORT'),
      localDir: resolve(env.LOCAL_DIR || LOCAL_DEFAULTS.localDir),
      breachConfigPath: env.BREACH_CONFIG ? resolve(env.BREACH_CONFIG) : undefined,
      siteDir: env.SITE_DIR ? resolve(env.SITE_DIR) : undefined,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(
      error instanceof PortInUseError || error instanceof Error
        ? `\n${error.message}\n`
        : 'The local stack did not start.',
    );
    stopRequest.dispose();
    return 1;
  }

  console.log(describeStack(stack));
  const reason = await stopRequest.requested;
  console.log(`\n${reason}: stopping (sending queued mail, closing servers)…`);
  let deadline: NodeJS.Timeout | undefined;
  const outcome = await new Promise<number>((resolve) => {
    deadline = setTimeout(() => {
      console.error(`Stopping took over ${STOP_DEADLINE_MS / 1000} s; leaving without waiting further.`);
      resolve(1);
    }, STOP_DEADLINE_MS);
    stack.stop().then(
      () => resolve(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${(error as Error).message}`);
        resolve(1);
      },
    );
  });
  clearTimeout(deadline);
  stopRequest.dispose();
  if (outcome === 0) console.log('Stopped. Data is kept in', stack.localDir);
  return outcome;
}

export function describeStack(stack: LocalStack): string {
  const width = Math.max(...DEMO_ADDRESSES.map((address) => address.email.length));
  const demoLines = DEMO_ADDRESSES.map((address) => `    ${address.email.padEnd(width)}  ${address.outcome}`);
  const staffOnly = DEMO_PEOPLE.filter((person) => !person.email);
  return [
    '',
    `  Breach portal (local) — ${stack.config.title.en}`,
    '',
    `  Portal         ${stack.urls.portal}/`,
    `  Inbox (mail)   ${stack.urls.inbox}`,
    `  Inbox (SMS)    ${stack.urls.smsInbox}   (stand-in for End User Messaging SMS)`,
    `  Staff console  ${stack.urls.staff}`,
    `  DynamoDB       ${stack.urls.dynamoDb}   SES API ${stack.urls.ses}`,
    `  Data           ${stack.localDir}  (delete it to start afresh)`,
    '',
    '  Demo addresses (type one into the form, then open the inbox):',
    ...demoLines,
    '  Demo mobile numbers (choose "by mobile number", then open the SMS inbox):',
    ...DEMO_MOBILE_NUMBERS.map((demo) => `    ${demo.phone.padEnd(width)}  ${demo.outcome}`),
    ...staffOnly.map(
      (person) => `  Staff lookup demo: phone ${person.phone}, customer number ${person.customerNumber}`,
    ),
    ...stack.staffAccountsDescription.map((line) => `  ${line}`),
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
