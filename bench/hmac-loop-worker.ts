import { parentPort, workerData } from 'node:worker_threads';
import { createPepperKey, hashIdentifier } from '../functions/core/identifier-hash';

/*
 * The bench's yardstick: the bare keyed-hash work of an import, 3 HMACs per row (customer number, email, phone) with
 * the same hashIdentifier and KeyObject pepper the import uses, and nothing else.
 */

const { pepper, rows, offset } = workerData as { pepper: Uint8Array; rows: number; offset: number };
const key = createPepperKey(pepper);
const started = process.hrtime.bigint();
let sink = 0;
for (let row = offset; row < offset + rows; row++) {
  sink += hashIdentifier(key, 'customerNumber', String(100_000_000 + row)).length;
  sink += hashIdentifier(key, 'email', `jan.devries${row}@example.nl`).length;
  sink += hashIdentifier(key, 'phone', `+3161${String(row).padStart(7, '0')}`).length;
}
parentPort?.postMessage({ elapsedNs: Number(process.hrtime.bigint() - started), sink });
