import { createHash, timingSafeEqual } from 'node:crypto';
import { ORIGIN_VERIFY_HEADER } from '../../contract/headers';
import type { Clock } from '../core/ports';

/*
 * Only CloudFront may call the API (docs/security.md, "Origin"). HTTP APIs cannot have WAF, and the execute-api URL is
 * public: a caller that went around the CDN would skip WAF and could write any x-portal-viewer-ip it likes, so every
 * per-IP limit would count made-up addresses. CloudFront adds this header with a secret value (Secrets Manager,
 * infra/site.ts); every handler checks it first (middleware/origin-check.ts), before parsing, auditing or touching a
 * table.
 *
 * Rotation without downtime: the secret's current and previous values are both accepted. A value the container has
 * not seen makes it fetch the secret again, at most once a minute, so a container started before a rotation learns
 * the new value the first time CloudFront sends it, and a stranger's guesses cost at most one fetch a minute.
 */

export { ORIGIN_VERIFY_HEADER };

/** The values a valid caller may present: the secret's AWSCURRENT and, during a rotation, AWSPREVIOUS. */
export type OriginSecretValues = readonly string[];

export interface OriginGuard {
  /** True when the presented header value is one of the secret's accepted values. */
  accepts(presented: string | undefined): Promise<boolean>;
}

const REFRESH_INTERVAL_MS = 60_000;

/** Compares digests, so neither the length nor the first differing byte of the secret shows in the timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function matchesAny(presented: string, values: OriginSecretValues): boolean {
  // Every value is compared (no early exit), so which one matched does not show either.
  return values.reduce((matched, value) => sameSecret(presented, value) || matched, false);
}

/** A guard over a secret loaded by `load` (Secrets Manager deployed): cached per container, refreshed on a miss. */
export function createOriginGuard(load: () => Promise<OriginSecretValues>, clock: Clock): OriginGuard {
  let values: Promise<OriginSecretValues> | undefined;
  let loadedAt = 0;
  const fetchValues = () => {
    loadedAt = clock.now();
    values = load().catch((error: unknown) => {
      values = undefined;
      throw error;
    });
    return values;
  };
  return {
    async accepts(presented) {
      if (!presented) return false;
      if (matchesAny(presented, await (values ?? fetchValues()))) return true;
      if (clock.now() - loadedAt < REFRESH_INTERVAL_MS) return false;
      return matchesAny(presented, await fetchValues());
    },
  };
}

/** A guard over values known up front: the local stack's per-start secret and the tests'. */
export function fixedOriginGuard(values: OriginSecretValues): OriginGuard {
  return { accepts: async (presented) => presented !== undefined && matchesAny(presented, values) };
}
