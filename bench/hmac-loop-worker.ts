import { parentPort, workerData } from 'node:worker_threads';
import type { IdentifierType } from '../functions/core/fields';
import { createPepperKey, hashIdentifier } from '../functions/core/identifier-hash';
import { PepperHmac } from '../functions/import/pepper-hmac';

/*
 * The bench's yardstick: the bare keyed-hash work of an import, 3 HMACs per row (customer number, email, phone) with
 * the core's hashIdentifier (`createHmac` keyed with a KeyObject, as the Lambdas hash), and nothing else: that is the
 * yardstick. 'PepperHmac' runs the same loop with the import's own HMAC (import/pepper-hmac.ts: the same digests from
 * two one-shot hashes, ≈ 2.4× cheaper), shown for reference: how far the import is from its own bare hashing.
 */

const { pepper, rows, offset, keyKind } = workerData as {
  pepper: Uint8Array;
  rows: number;
  offset: number;
  keyKind: 'KeyObject' | 'PepperHmac';
};
const key = createPepperKey(pepper);
const importHmac = new PepperHmac(pepper);
const hash =
  keyKind === 'KeyObject'
    ? (type: IdentifierType, value: string) => hashIdentifier(key, type, value)
    : (type: IdentifierType, value: string) => importHmac.digest(`v1|${type}|`, value);
const started = process.hrtime.bigint();
let sink = 0;
for (let row = offset; row < offset + rows; row++) {
  sink += hash('customerNumber', String(100_000_000 + row)).length;
  sink += hash('email', `jan.devries${row}@example.nl`).length;
  sink += hash('phone', `+3161${String(row).padStart(7, '0')}`).length;
}
parentPort?.postMessage({ elapsedNs: Number(process.hrtime.bigint() - started), sink });
