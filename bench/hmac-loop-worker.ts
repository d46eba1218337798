import { parentPort, workerData } from 'node:worker_threads';
import { createPepperKey, hashIdentifier } from '../functions/core/identifier-hash';

/*
 * The bench's yardstick: the bare keyed-hash work of an import, 3 HMACs per row (customer number, email, phone) with
 * the same hashIdentifier the import uses, and nothing else. `keyKind` 'KeyObject' is what the import does; 'bytes'
 * passes the raw pepper, which Node 24 re-imports on every call (~6× slower) — shown for comparison only.
 */

const { pepper, rows, offset, keyKind } = workerData as {
  pepper: Uint8Array;
  rows: number;
  offset: number;
  keyKind: 'KeyObject' | 'bytes';
};
const key = keyKind === 'KeyObject' ? createPepperKey(pepper) : pepper;
const started = process.hrtime.bigint();
let sink = 0;
for (let row = offset; row < offset + rows; row++) {
  sink += hashIdentifier(key, 'customerNumber', String(100_000_000 + row)).length;
  sink += hashIdentifier(key, 'email', `jan.devries${row}@example.nl`).length;
  sink += hashIdentifier(key, 'phone', `+3161${String(row).padStart(7, '0')}`).length;
}
parentPort?.postMessage({ elapsedNs: Number(process.hrtime.bigint() - started), sink });
