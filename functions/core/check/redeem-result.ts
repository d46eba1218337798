import type { BreachConfig, Locale } from '../breach-config';
import { type Field, type IdentifierType, sortFieldsByRisk } from '../fields';
import { hashToken, type Pepper } from '../identifier-hash';
import type { Clock, CounterStore, ExposureStore, TokenRecord, TokenStore } from '../ports';
import { countDailyMetric } from './daily-metrics';
import { ipCountingKey } from './ip-prefix';
import { assertWithinLimits, countRateLimited, hashRateLimitSubject, MINUTE_SECONDS } from './rate-limit';
import { TokenExpiredError, TokenUnknownError, TokenUsedError } from './result-errors';
import { guidancePath } from './result-token';

/*
 * POST /api/v1/results: redeem a result token. The first redemption is a conditional write (TokenStore.markRedeemed),
 * so of several concurrent redemptions exactly one opens the read window; the others find the window open and read
 * the same result. After the window the token is spent (token_used); never redeemed and past its lifetime it is
 * token_expired. Every read checks expiry itself: TTL deletion is lazy (DESIGN §3).
 */

export interface RedeemResultDependencies {
  config: BreachConfig;
  exposures: ExposureStore;
  tokens: TokenStore;
  counters: CounterStore;
  clock: Clock;
  /** Keys the per-IP counter (an HMAC of the IP prefix, never the IP). */
  pepper: () => Promise<Pepper>;
}

export interface ResultView {
  breach: { id: string; organisation: string; title: string };
  exposed: Field[];
  matchedBy: IdentifierType[];
  recordCount: number;
  /** Seconds the result stays readable from now: the page keeps it in the tab that long (relative, so the browser's
   *  clock need not agree with ours). */
  readableSeconds: number;
  /** Field → site path of the guidance page for it, in the token's locale. */
  guidance: Partial<Record<Field, string>>;
}

export async function redeemResult(
  deps: RedeemResultDependencies,
  token: string,
  sourceIp: string,
): Promise<ResultView> {
  const { config, clock } = deps;
  const tokenHash = hashToken(token);
  const now = clock.now();
  // Guessing a 256-bit token is hopeless, but each try costs a Lambda and a read: a per-IP (IPv6 /64) limit first.
  const ipKey = ipCountingKey(sourceIp, config.limits.ipv6PrefixLength);
  const window = { seconds: MINUTE_SECONDS, limit: config.limits.resultsPerIpPerMinute };
  const subjectHash = hashRateLimitSubject(await deps.pepper(), 'results-ip', ipKey);
  assertWithinLimits([await countRateLimited(deps.counters, { subject: 'results-ip', subjectHash, window }, now)]);
  const stored = await deps.tokens.get(tokenHash);
  if (!stored) throw new TokenUnknownError();

  const readable = await openReadWindow(deps, stored, now);
  const records = (await deps.exposures.findByIdentifier(readable.identifierHash)).filter(
    (record) => record.breachId === config.id,
  );
  // A token minted for an address without a record (the miss path stores one too) opens nothing.
  if (records.length === 0) throw new TokenUnknownError();
  const view = resultView(
    config,
    readable.locale,
    readable.identifierType,
    records.length,
    records.flatMap((r) => r.fields),
  );
  const readableSeconds = Math.max(0, Math.floor(((readable.readableUntil ?? now) - now) / 1000));
  return { ...view, readableSeconds };
}

async function openReadWindow(deps: RedeemResultDependencies, stored: TokenRecord, now: number): Promise<TokenRecord> {
  if (stored.readableUntil !== undefined) return assertStillReadable(stored, now);
  if (now >= stored.expiresAtEpochSeconds * 1000) throw new TokenExpiredError();

  const readableUntil = now + deps.config.retention.resultWindowMinutes * 60 * 1000;
  const won = await deps.tokens.markRedeemed(stored.tokenHash, now, readableUntil);
  if (won) {
    await countDailyMetric(deps.counters, 'redeemed', now);
    return won;
  }
  // Another redemption won the race: its window is ours too.
  const current = await deps.tokens.get(stored.tokenHash);
  if (!current) throw new TokenUnknownError();
  return assertStillReadable(current, now);
}

function assertStillReadable(record: TokenRecord, now: number): TokenRecord {
  if (record.readableUntil === undefined || now >= record.readableUntil) throw new TokenUsedError();
  return record;
}

function resultView(
  config: BreachConfig,
  locale: Locale,
  matchedBy: IdentifierType,
  recordCount: number,
  fields: Field[],
): Omit<ResultView, 'readableSeconds'> {
  const exposed = sortFieldsByRisk(fields);
  return {
    breach: { id: config.id, organisation: config.organisation.name, title: config.title[locale] },
    exposed,
    matchedBy: [matchedBy],
    recordCount,
    guidance: Object.fromEntries(exposed.map((field) => [field, guidancePath(locale, field)])),
  };
}
