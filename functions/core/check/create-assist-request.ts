import { randomUUID } from 'node:crypto';
import { assertPortalOpen, type BreachConfig, type Locale } from '../breach-config';
import { InvalidInputError } from '../errors';
import type { Pepper } from '../identifier-hash';
import { normaliseCustomerNumber, normalisePhone } from '../identifiers';
import {
  type AssistRequestStore,
  type Clock,
  type CounterStore,
  SECRET_BOX_MAX_PLAINTEXT_BYTES,
  type SecretBox,
} from '../ports';
import { countDailyMetric } from './daily-metrics';
import { ipCountingKey } from './ip-prefix';
import { assertWithinLimits, countRateLimited, HOUR_SECONDS, hashRateLimitSubject } from './rate-limit';
import { chooseLocale } from './request-check';

/*
 * POST /api/v1/assist-requests: a customer who cannot use the email route asks to be called back. What they type is
 * new personal data, not breach data (DESIGN §2.7): it is sealed (KMS deployed) before it is stored, expires within
 * config.retention.assistRequestDays, and only the staff console opens it.
 */

export interface CreateAssistRequestDependencies {
  config: BreachConfig;
  pepper: () => Promise<Pepper>;
  assistRequests: AssistRequestStore;
  counters: CounterStore;
  secretBox: SecretBox;
  clock: Clock;
}

export interface AssistRequestInput {
  name: string;
  phone?: string;
  customerNumber?: string;
  preferredTime: string;
  locale?: Locale;
  message?: string;
  sourceIp: string;
}

/** What the sealed box holds; the staff console opens it with parseAssistRequestDetails. */
export interface AssistRequestDetails {
  name: string;
  /** E.164. */
  phone?: string;
  customerNumber?: string;
  preferredTime: string;
  message?: string;
}

export class MissingContactError extends InvalidInputError {
  constructor() {
    super('missing_contact', 'Enter a phone number or a customer number so we can find your record.');
  }
}

/**
 * The sealed details would exceed what the secret box (KMS Encrypt) takes. The schema's character limits keep any
 * ordinary text within it (api-schemas.ts); only text that grows when serialised (control characters, lone
 * surrogates: 6 bytes each as JSON escapes) can get here. Checked on the exact bytes that are sealed.
 */
export class AssistRequestTooLongError extends InvalidInputError {
  constructor() {
    super('assist_request_too_long', 'Your request is too long to store. Make your message shorter.');
  }
}

export async function createAssistRequest(
  deps: CreateAssistRequestDependencies,
  input: AssistRequestInput,
): Promise<{ id: string }> {
  const { config, clock } = deps;
  assertPortalOpen(config, clock.now());
  const plaintext = JSON.stringify(normaliseDetails(config, input));
  if (new TextEncoder().encode(plaintext).byteLength > SECRET_BOX_MAX_PLAINTEXT_BYTES)
    throw new AssistRequestTooLongError();
  const pepper = await deps.pepper();
  const now = clock.now();

  const outcome = await countRateLimited(
    deps.counters,
    {
      subject: 'assist-ip',
      subjectHash: hashRateLimitSubject(
        pepper,
        'assist-ip',
        ipCountingKey(input.sourceIp, config.limits.ipv6PrefixLength),
      ),
      window: { seconds: HOUR_SECONDS, limit: config.limits.assistRequestsPerIpPerHour },
    },
    now,
  );
  assertWithinLimits([outcome]);

  const id = randomUUID();
  await deps.assistRequests.create({
    id,
    createdAt: now,
    status: 'open',
    locale: chooseLocale(config, input.locale),
    sealedDetails: await deps.secretBox.seal(plaintext),
    expiresAtEpochSeconds: Math.floor(now / 1000) + config.retention.assistRequestDays * 24 * 60 * 60,
  });
  await countDailyMetric(deps.counters, 'assist_requests', now);
  return { id };
}

function normaliseDetails(config: BreachConfig, input: AssistRequestInput): AssistRequestDetails {
  // A form sends "" for a field left empty: that is "not given", not an invalid number.
  const phone = blankToUndefined(input.phone);
  const customerNumber = blankToUndefined(input.customerNumber);
  if (!phone && !customerNumber) throw new MissingContactError();
  const message = blankToUndefined(input.message);
  return {
    name: input.name.trim(),
    ...(phone ? { phone: normalisePhone(phone, config.defaultPhoneRegion) } : {}),
    ...(customerNumber
      ? { customerNumber: normaliseCustomerNumber(customerNumber, config.customerNumberPattern) }
      : {}),
    preferredTime: input.preferredTime.trim(),
    ...(message ? { message } : {}),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Opens what createAssistRequest sealed (staff console). */
export function parseAssistRequestDetails(plaintext: string): AssistRequestDetails {
  const value = JSON.parse(plaintext) as AssistRequestDetails;
  if (typeof value?.name !== 'string' || typeof value.preferredTime !== 'string') {
    throw new Error('Sealed assist request details have an unexpected shape');
  }
  return value;
}
