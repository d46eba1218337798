/*
 * Addresses the reliability scripts seed into the stack's breach (hits) and addresses of the same shape that are not
 * in it (misses): same domain, same length, only membership differs. Seeded by the scripts themselves, so they do not
 * depend on how `npm start` generates its demo breach.
 */

export const MISS_NUMBERS_FROM = 500_000;

export function benchHitAddress(index: number): string {
  return `klant.bench.${String(index).padStart(6, '0')}@demo.example.nl`;
}

export function benchMissAddress(index: number): string {
  return `klant.bench.${String(MISS_NUMBERS_FROM + index).padStart(6, '0')}@demo.example.nl`;
}

/** Dutch mobile numbers of one shape: hits +3164…, misses +3165…, seven digits of index after either. */
export function benchHitPhone(index: number): string {
  return `+3164${String(index).padStart(7, '0')}`;
}

export function benchMissPhone(index: number): string {
  return `+3165${String(index).padStart(7, '0')}`;
}

export function benchHitAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, index) => benchHitAddress(index));
}
