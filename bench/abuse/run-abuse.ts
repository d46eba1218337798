import { loadavg } from 'node:os';
import { localTableNames } from '../../contract/tables';
import { table } from '../stack/latency-summary';
import { startLocalStackProcess } from '../stack/local-stack-process';
import { type ControlProof, proveAbuseControlsOverHttp, proveHandlerControls } from './abuse-controls';
import {
  type AbuseLimits,
  HASHED_RATE_KEY,
  limitHolds,
  proveAbuseLimits,
  RAW_VALUES_SENT,
  scanStoredData,
} from './abuse-scenarios';

/*
 * `npm run abuse`: the local stack in a child process with small limits from a config override, driven over HTTP.
 * Shows each limit letting exactly its configured number through, the 429 with its Retry-After, and the request that
 * passes once the stack's clock is moved past it (the windows are fixed in code — a minute, an hour, a day — so the
 * stack's clock is moved instead of waiting a day). Then scans every DynamoDB table for the raw addresses, IPs,
 * phone number, name and password the run sent. In between, the controls of docs/security.md, each with its figure
 * (bench/abuse/abuse-controls.ts). Exit code 1 if a limit or a control does not hold or a raw value is stored.
 */

const LIMITS: AbuseLimits = {
  checksPerAddressPerDay: 3,
  checksPerIpPerMinute: 6,
  staffLookupsPerHour: 5,
  assistRequestsPerIpPerHour: 2,
};

async function main(): Promise<number> {
  console.log(`abuse: limits ${JSON.stringify(LIMITS)}`);
  console.log(
    `machine load before start (1/5/15 min): ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  const stack = await startLocalStackProcess({ limits: LIMITS });
  try {
    let offsetMs = 0;
    const clock = {
      now: () => Date.now() + offsetMs,
      moveTo: async (epochMs: number) => {
        offsetMs = epochMs - Date.now();
        await stack.setClockOffset(offsetMs);
      },
    };
    const proofs = await proveAbuseLimits(stack.urls.portal, LIMITS, clock);
    console.log(
      `\n${table([
        ['limit', 'configured', 'accepted', 'then', 'Retry-After', 'window', 'after window', 'holds'],
        ...proofs.map((proof) => [
          proof.limit,
          String(proof.configured),
          String(proof.acceptedBeforeRefusal),
          `${proof.refusal.status} ${proof.refusal.code}`,
          `${proof.refusal.retryAfterSeconds} s`,
          `${proof.windowSeconds} s`,
          String(proof.afterWindowStatus),
          limitHolds(proof) ? 'yes' : 'NO',
        ]),
      ])}`,
    );

    const controls: ControlProof[] = [
      ...(await proveHandlerControls()),
      ...(await proveAbuseControlsOverHttp(stack.urls.portal, LIMITS, clock)),
    ];
    console.log('\ncontrols (docs/security.md), each with its figure:');
    for (const proof of controls)
      console.log(`  [${proof.holds ? 'holds' : 'FAILS'}] ${proof.control}: ${proof.figure}`);

    await stack.settleMail();
    const rawValues = [
      RAW_VALUES_SENT.limitedAddress,
      '@example.org',
      '@example.nl',
      ...RAW_VALUES_SENT.ipAddresses,
      ...RAW_VALUES_SENT.staffLookupPhoneForms,
      RAW_VALUES_SENT.assistName,
      RAW_VALUES_SENT.assistCustomerNumber,
      RAW_VALUES_SENT.staffPassword,
      'jösé',
      'NL91 ABNA',
    ];
    const scans = await scanStoredData(stack.urls.dynamoDb, localTableNames(), rawValues);
    console.log(`\nstored data, searched for: ${rawValues.join(' | ')}`);
    console.log(
      table([
        ['table', 'items', 'raw values found'],
        ...scans.map((scan) => [scan.table, String(scan.items), scan.rawValuesFound.join(', ') || 'none']),
      ]),
    );
    const rateKeys = scans.flatMap((scan) => scan.rateKeyExamples);
    console.log('\nhow the limits store their subjects (one counter key of each kind):');
    for (const key of rateKeys)
      console.log(`  ${key}${HASHED_RATE_KEY.test(key) ? '   (keyed hash)' : '   (staff login, not customer data)'}`);
    console.log(
      `machine load at the end (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')}`,
    );

    const ok =
      proofs.length === 4 &&
      proofs.every((proof) => limitHolds(proof)) &&
      controls.every((proof) => proof.holds) &&
      scans.every((scan) => scan.rawValuesFound.length === 0) &&
      rateKeys.filter((key) => HASHED_RATE_KEY.test(key)).length === 4;
    console.log(ok ? '\nPASS' : '\nFAIL');
    return ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
