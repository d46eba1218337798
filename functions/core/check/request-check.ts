import { assertPortalOpen, type BreachConfig, type Locale } from '../breach-config';
import { hashIdentifier, hashToken, type Pepper } from '../identifier-hash';
import { normaliseEmail } from '../identifiers';
import type { Clock, CounterStore, EmailJob, EmailQueue, ExposureStore, TokenStore } from '../ports';
import { canonicalMailbox } from './canonical-mailbox';
import { assertDeliverableAddress, MailboxLimitedError } from './check-refusals';
import { countDailyMetric } from './daily-metrics';
import { ipCountingKey } from './ip-prefix';
import {
  assertWithinLimits,
  countRateLimited,
  countRollingWindow,
  DAY_SECONDS,
  hashRateLimitSubject,
  MINUTE_SECONDS,
} from './rate-limit';
import { generateResultToken } from './result-token';

/*
 * POST /api/v1/checks (DESIGN §5). The answer must not tell a hit from a miss (DESIGN §2.4), so both paths do the
 * same work in the same order: normalise, hash, count both rate limits (per IP or IPv6 /64, per mailbox), look up,
 * store a token, count two daily metrics, enqueue one job. The token is stored on the miss path too: the write pattern (count, size, latency) to
 * DynamoDB is then identical, and a miss token is never mailed, so nobody can redeem it (redeeming finds no record
 * and answers token_unknown). All variable work (composing and sending mail through SES) happens behind the queue.
 */

export interface RequestCheckDependencies {
  config: BreachConfig;
  pepper: () => Promise<Pepper>;
  exposures: ExposureStore;
  tokens: TokenStore;
  counters: CounterStore;
  emailQueue: EmailQueue;
  clock: Clock;
}

export interface CheckRequest {
  email: string;
  locale?: Locale;
  /**
   * Hashed with the pepper for the per-IP limit; never stored or logged in clear. Omitted only by the staff re-send
   * (core/staff/resend-confirmation.ts), which has a per-staff limit instead; the per-address limit always applies.
   */
  sourceIp?: string;
}

export async function requestCheck(deps: RequestCheckDependencies, request: CheckRequest): Promise<void> {
  const { config, clock } = deps;
  assertPortalOpen(config, clock.now());
  const address = normaliseEmail(request.email);
  const locale = chooseLocale(config, request.locale);
  assertDeliverableAddress(address, locale);
  const pepper = await deps.pepper();
  const now = clock.now();
  const identifierHash = hashIdentifier(pepper, 'email', address);
  const token = generateResultToken();

  // One round trip: both counters and the lookup in parallel. The lookup runs even when a limit is hit, so a
  // refusal costs the same whoever the address belongs to.
  const [ipOutcome, addressOutcome, records] = await Promise.all([
    request.sourceIp === undefined
      ? { allowed: true, retryAfterSeconds: 0 }
      : countRateLimited(
          deps.counters,
          {
            subject: 'ip',
            subjectHash: hashRateLimitSubject(
              pepper,
              'ip',
              ipCountingKey(request.sourceIp, config.limits.ipv6PrefixLength),
            ),
            window: { seconds: MINUTE_SECONDS, limit: config.limits.checksPerIpPerMinute },
          },
          now,
        ),
    // Counted per mailbox (plus tags, Gmail dots folded), over a rolling 24 hours; the look-up keeps the exact address.
    countRollingWindow(
      deps.counters,
      {
        subject: 'mailbox',
        subjectHash: hashRateLimitSubject(pepper, 'mailbox', canonicalMailbox(address)),
        window: { seconds: DAY_SECONDS, limit: config.limits.checksPerAddressPerDay },
      },
      now,
    ),
    deps.exposures.findByIdentifier(identifierHash),
  ]);
  // The address limit also keeps the portal from being used to mail-bomb someone. Its refusal says when to try
  // again and points to the call-back route; it depends on earlier requests only, never on the look-up.
  if (!addressOutcome.allowed) throw new MailboxLimitedError(addressOutcome.retryAfterSeconds, locale, now);
  assertWithinLimits([ipOutcome]);

  const recordCount = records.filter((record) => record.breachId === config.id).length;
  const expiresAtEpochSeconds = Math.floor(now / 1000) + config.retention.tokenHours * 60 * 60;
  const job: EmailJob =
    recordCount > 0
      ? { kind: 'affected', to: address, locale, token, recordCount, expiresAtEpochSeconds }
      : { kind: 'not_found', to: address, locale, expiresAtEpochSeconds };

  await Promise.all([
    deps.tokens.create({
      tokenHash: hashToken(token),
      identifierHash,
      identifierType: 'email',
      locale,
      createdAt: now,
      expiresAtEpochSeconds,
    }),
    countDailyMetric(deps.counters, 'checks', now),
    countDailyMetric(deps.counters, recordCount > 0 ? 'hits' : 'misses', now),
  ]);
  // Enqueued only once every write has succeeded: a failed write is a 503 the customer retries, and a mail queued
  // before it would then go out twice, or carry a link to a token that was never stored.
  await deps.emailQueue.enqueue(job);
}

/** The requested locale if the breach is published in it, else the configured default. */
export function chooseLocale(config: BreachConfig, requested: Locale | undefined): Locale {
  return requested && config.languages.includes(requested) ? requested : config.defaultLanguage;
}
