import { randomBytes } from 'node:crypto';

/*
 * The request mix of the load run: what a breach portal sees on the day the news breaks. Most visitors load pages;
 * many check an address (most not in the breach); those who got a link redeem it, some twice; a few send junk or a
 * stale link. Each kind has a weight; every check uses its own address unless it is a hit (the breach has ~1 400).
 */

export type RequestKind = 'page' | 'check_miss' | 'check_hit' | 'redeem' | 'redeem_unknown' | 'check_invalid';

export const DEFAULT_WEIGHTS: Record<RequestKind, number> = {
  page: 30,
  check_miss: 30,
  check_hit: 15,
  redeem: 15,
  redeem_unknown: 5,
  check_invalid: 5,
};

/** Status each kind must get; anything else counts as an unexpected answer. */
export const EXPECTED_STATUS: Record<RequestKind, number> = {
  page: 200,
  check_miss: 202,
  check_hit: 202,
  redeem: 200,
  redeem_unknown: 404,
  check_invalid: 400,
};

export interface PlannedRequest {
  kind: RequestKind;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The address a check names (to match the mail it must produce). */
  address?: string;
}

export interface LoadMixInput {
  runId: string;
  pages: readonly string[];
  hitAddresses: readonly string[];
  resultTokens: readonly string[];
  weights?: Record<RequestKind, number>;
  random?: () => number;
}

export function createLoadMix(input: LoadMixInput): () => PlannedRequest {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const kinds = Object.keys(weights) as RequestKind[];
  const total = kinds.reduce((sum, kind) => sum + weights[kind], 0);
  const random = input.random ?? Math.random;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  let missNumber = 0;

  const json = (value: unknown) => JSON.stringify(value);
  return () => {
    let roll = random() * total;
    const kind =
      kinds.find((candidate) => {
        roll -= weights[candidate];
        return roll < 0;
      }) ?? 'page';
    switch (kind) {
      case 'page':
        return { kind, method: 'GET', path: pick(input.pages) };
      case 'check_miss': {
        missNumber += 1;
        const address = `load.${input.runId}.${missNumber}@example.org`;
        return { kind, method: 'POST', path: '/api/v1/checks', body: json({ email: address }), address };
      }
      case 'check_hit': {
        const address = pick(input.hitAddresses);
        const locale = random() < 0.3 ? 'en' : 'nl';
        return { kind, method: 'POST', path: '/api/v1/checks', body: json({ email: address, locale }), address };
      }
      case 'redeem':
        return { kind, method: 'POST', path: '/api/v1/results', body: json({ token: pick(input.resultTokens) }) };
      case 'redeem_unknown':
        return {
          kind,
          method: 'POST',
          path: '/api/v1/results',
          body: json({ token: randomBytes(32).toString('base64url') }),
        };
      case 'check_invalid':
        return { kind, method: 'POST', path: '/api/v1/checks', body: json({ email: `not-an-address-${missNumber}` }) };
    }
  };
}
