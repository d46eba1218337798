import { assertPortalOpen } from '../breach-config';
import { countDailyMetric, utcDay } from '../check/daily-metrics';
import { ipCountingKey } from '../check/ip-prefix';
import {
  assertWithinLimits,
  countRateLimited,
  DAY_SECONDS,
  HOUR_SECONDS,
  hashRateLimitSubject,
  MINUTE_SECONDS,
} from '../check/rate-limit';
import { chooseLocale, type RequestCheckDependencies } from '../check/request-check';
import { generateResultToken } from '../check/result-token';
import { hashIdentifier, hashToken } from '../identifier-hash';
import type { SmsJob } from '../ports';
import { textableNumber } from './phone-eligibility';
import { SmsBudgetExhaustedError } from './sms-errors';

/*
 * POST /api/v1/checks with `phone` (DESIGN §9): the email path's no-oracle contract on a phone number. Every step is
 * the same for a number in the breach and one that is not: normalise and classify (shape only), hash, count three
 * limits while looking up, count the day's SMS budget, store a token, count the daily metrics, enqueue one SMS job.
 * Only the job's kind differs, and the job is composed and sent behind the queue.
 *
 * The budget (dailyBudget texts per UTC day, counted in DynamoDB) is checked after the per-number and per-IP limits,
 * so a refused request does not spend it. Past it, every phone check is refused alike (429 sms_budget_exhausted until
 * midnight UTC) rather than queued for the next day: a deferred text would arrive hours later with a link to a token
 * that may have expired, the customer could not tell "queued" from "lost", and a queue of deferred texts is exactly
 * the cost a pumping attack wants to build up. The refusal depends only on the day's count, never on the number.
 */

export interface PhoneCheckRequest {
  phone: string;
  locale?: RequestCheckDependencies['config']['defaultLanguage'];
  /**
   * Hashed with the pepper for the per-IP limits; never stored or logged in clear. Omitted only by the staff send
   * (core/staff/resend-confirmation.ts), which has a per-staff limit instead; the per-number limit always applies.
   */
  sourceIp?: string;
}

/** Counter key of the day's SMS budget: only the day, no number. Shared with the staff send (audited). */
export function smsBudgetKey(nowMs: number): string {
  return `sms-budget#${utcDay(nowMs)}`;
}

/** Counts one text against today's budget; throws SmsBudgetExhaustedError (same for everyone) once it is spent. */
export async function spendSmsBudget(deps: Pick<RequestCheckDependencies, 'counters' | 'config'>, nowMs: number) {
  const dayEnd = (Math.floor(nowMs / 1000 / DAY_SECONDS) + 1) * DAY_SECONDS;
  const sent = await deps.counters.increment(smsBudgetKey(nowMs), dayEnd + DAY_SECONDS);
  const budget = deps.config.sms?.dailyBudget ?? 0;
  if (sent > budget) throw new SmsBudgetExhaustedError(Math.max(1, dayEnd - Math.floor(nowMs / 1000)));
}

export async function requestPhoneCheck(deps: RequestCheckDependencies, request: PhoneCheckRequest): Promise<void> {
  const { config, clock } = deps;
  assertPortalOpen(config, clock.now());
  const { e164: number, sms } = textableNumber(request.phone, config.sms, config.defaultPhoneRegion);
  const locale = chooseLocale(config, request.locale);
  const pepper = await deps.pepper();
  const now = clock.now();
  const identifierHash = hashIdentifier(pepper, 'phone', number);
  const token = generateResultToken();

  // The lookup runs even when a limit is hit, so a refusal costs the same whoever the number belongs to.
  // An IPv6 address counts by its prefix (one /64 holds 2^64 addresses), as on the email route.
  const ipLimits = (sourceIp: string, ip = ipCountingKey(sourceIp, config.limits.ipv6PrefixLength)) => [
    countRateLimited(
      deps.counters,
      {
        subject: 'ip',
        subjectHash: hashRateLimitSubject(pepper, 'ip', ip),
        window: { seconds: MINUTE_SECONDS, limit: config.limits.checksPerIpPerMinute },
      },
      now,
    ),
    countRateLimited(
      deps.counters,
      {
        subject: 'sms-ip',
        subjectHash: hashRateLimitSubject(pepper, 'sms-ip', ip),
        window: { seconds: HOUR_SECONDS, limit: sms.checksPerIpPerHour },
      },
      now,
    ),
  ];
  const limits = [
    ...(request.sourceIp === undefined ? [] : ipLimits(request.sourceIp)),
    countRateLimited(
      deps.counters,
      {
        subject: 'phone',
        subjectHash: hashRateLimitSubject(pepper, 'phone', number),
        window: { seconds: DAY_SECONDS, limit: sms.checksPerNumberPerDay },
      },
      now,
    ),
  ];
  const [records, outcomes] = await Promise.all([deps.exposures.findByIdentifier(identifierHash), Promise.all(limits)]);
  // The per-number limit also keeps the portal from being used to flood someone's phone.
  assertWithinLimits(outcomes);
  await spendSmsBudget(deps, now);

  const affected = records.some((record) => record.breachId === config.id);
  // The job lives no longer than its token: the sender drops it after this (docs/security.md, "Tokens in the queue").
  const expiresAtEpochSeconds = Math.floor(now / 1000) + config.retention.tokenHours * 60 * 60;
  const job: SmsJob = affected
    ? { channel: 'sms', kind: 'affected', to: number, locale, token, expiresAtEpochSeconds }
    : { channel: 'sms', kind: 'not_found', to: number, locale, expiresAtEpochSeconds };

  await Promise.all([
    deps.tokens.create({
      tokenHash: hashToken(token),
      identifierHash,
      identifierType: 'phone',
      locale,
      createdAt: now,
      expiresAtEpochSeconds,
    }),
    countDailyMetric(deps.counters, 'checks', now),
    countDailyMetric(deps.counters, affected ? 'hits' : 'misses', now),
  ]);
  // Enqueued only once every write has succeeded, as for mail (request-check.ts).
  await deps.emailQueue.enqueue(job);
}
