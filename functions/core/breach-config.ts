import * as z from 'zod';
import { brandingSchema, callbackSchema } from './breach-config-presentation';
import { InvalidConfigError, PortalClosedError } from './errors';
import { FIELDS } from './fields';
import { isGenuineSenderAddress } from './genuine-sender';
import { smsConfigSchema } from './sms/sms-config';

/*
 * The breach configuration (DESIGN §3): everything that differs between one breach and the next. The code names no
 * organisation; this file's schema is the single source of truth for the shape, validated at start and at synth.
 */

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// A calendar check, not just the shape: 2026-02-30 would otherwise pass and compare wrongly with other dates.
const isoDate = z.iso.date({ error: 'expected a real date as YYYY-MM-DD' });
const httpsUrl = z.url({ protocol: /^https?$/ });
const domain = z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a lower-case domain such as example.nl');
/** The look-up reasons staff choose from (labels per language live in the console's text). */
export const DEFAULT_STAFF_REASONS = [
  'caller_asked_what_leaked',
  'no_access_to_email',
  'confirmation_not_received',
  'callback_request',
] as const;
/** Ticket references as support systems print them: letters, an optional dash, digits (INC-123456, SR00042). */
export const DEFAULT_TICKET_PATTERN = '^[A-Za-z]{1,10}-?\\d{1,12}$';

const localised = <T extends z.ZodType>(value: T) => z.object({ nl: value, en: value }).strict();

const supportContactSchema = z
  .object({
    phone: z.string().min(3),
    url: httpsUrl,
    hours: z.string().min(1),
  })
  .strict();

/** Replies go to a support mailbox someone reads, or to nobody: the mail says which, so it is a choice, not a default. */
export const REPLIES_UNREAD = 'unread';
const replyTo = z.string().refine((value) => value === REPLIES_UNREAD || z.email().safeParse(value).success, {
  error: `expected the support address that reads replies, or "${REPLIES_UNREAD}" when nobody reads them`,
});

export const breachConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected lower-case letters, digits and dashes'),
    organisation: z.object({ name: z.string().min(1), website: httpsUrl }).strict(),
    title: localised(z.string().min(1)),
    summary: localised(z.string().min(1)),
    discoveryDate: isoDate,
    exposedFields: z.array(z.enum(FIELDS)).min(1),
    support: localised(supportContactSchema),
    languages: z.array(z.enum(LOCALES)).min(1),
    defaultLanguage: z.enum(LOCALES),
    closingDate: isoDate,
    sender: z.object({ address: z.email(), name: z.string().min(1), replyTo }).strict(),
    genuineSenderDomains: z.array(domain).min(1),
    /** The portal's own domain (e.g. datalek.example.nl): the site and the mails name it; a deploy serves it. */
    siteDomain: domain.optional(),
    customerNumberPattern: z.string().min(1),
    defaultPhoneRegion: z.string().regex(/^[A-Z]{2}$/),
    limits: z
      .object({
        checksPerAddressPerDay: z.number().int().positive(),
        checksPerIpPerMinute: z.number().int().positive(),
        staffLookupsPerHour: z.number().int().positive(),
        assistRequestsPerIpPerHour: z.number().int().positive(),
        /** POST /results per IP (prefix) per minute: a guess costs a Lambda and a read (docs/security.md). */
        resultsPerIpPerMinute: z.number().int().positive().default(30),
        /** An IPv6 address is counted by this prefix (one subscriber holds a whole /64); IPv4 by the address. */
        ipv6PrefixLength: z.number().int().min(32).max(128).default(64),
        /** Call-back queue reads per staff member per hour (each read opens up to 20 sealed requests). */
        assistQueueReadsPerHour: z.number().int().positive().default(30),
      })
      .strict(),
    staff: z
      .object({
        reasons: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'expected a snake_case reason id')).min(1),
        ticketPattern: z.string().min(1),
      })
      .strict()
      .default({ reasons: [...DEFAULT_STAFF_REASONS], ticketPattern: DEFAULT_TICKET_PATTERN }),
    retention: z
      .object({
        tokenHours: z.number().int().positive().max(72),
        resultWindowMinutes: z.number().int().positive().max(120),
        assistRequestDays: z.number().int().positive().max(30),
        auditDays: z.number().int().positive(),
      })
      .strict(),
    branding: brandingSchema.optional(),
    callback: callbackSchema.optional(),
    /** Shown as the format hint on the call-back form; must match customerNumberPattern. */
    customerNumberExample: z.string().min(1).optional(),
    sms: smsConfigSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!config.languages.includes(config.defaultLanguage)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'must be one of "languages"' });
    }
    if (config.closingDate <= config.discoveryDate) {
      ctx.addIssue({ code: 'custom', path: ['closingDate'], message: 'must be after discoveryDate' });
    }
    try {
      new RegExp(config.customerNumberPattern);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['customerNumberPattern'], message: 'is not a valid regular expression' });
    }
    if (
      config.customerNumberExample !== undefined &&
      !matches(config.customerNumberPattern, config.customerNumberExample)
    ) {
      ctx.addIssue({ code: 'custom', path: ['customerNumberExample'], message: 'must match customerNumberPattern' });
    }
    try {
      new RegExp(config.staff.ticketPattern);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['staff', 'ticketPattern'], message: 'is not a valid regular expression' });
    }
    const senderDomain = config.sender.address.split('@')[1] ?? '';
    if (!config.genuineSenderDomains.some((d) => senderDomain === d || senderDomain.endsWith(`.${d}`))) {
      ctx.addIssue({ code: 'custom', path: ['sender', 'address'], message: 'must be in one of genuineSenderDomains' });
    }
    // The mails teach "genuine mail comes only from these domains" (genuine-sender.ts): the address replies go to
    // must pass that rule too, as the sender does above, or the advice would call the real mailbox fake.
    const { replyTo } = config.sender;
    if (replyTo !== REPLIES_UNREAD && !isGenuineSenderAddress(config.genuineSenderDomains, replyTo)) {
      ctx.addIssue({ code: 'custom', path: ['sender', 'replyTo'], message: 'must be in one of genuineSenderDomains' });
    }
  });

export type BreachConfig = z.infer<typeof breachConfigSchema>;

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** Validates parsed JSON; throws one InvalidConfigError naming the first bad key. */
export function parseBreachConfig(input: unknown): BreachConfig {
  const result = breachConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidConfigError(keyOf(issue), issue?.message ?? 'invalid');
}

/** The dotted path of the bad setting; for an unknown key, the unknown key itself (`limits.colour`), not its parent. */
function keyOf(issue: z.core.$ZodIssue | undefined): string {
  const path = (issue?.path ?? []).map(String);
  if (issue?.code === 'unrecognized_keys') path.push(issue.keys.join(', '));
  return path.length > 0 ? path.join('.') : '(root)';
}

/** True once the portal has passed its configured closing date (it then shows a closing notice). */
export function isPortalClosed(config: BreachConfig, now: Date): boolean {
  return now.toISOString().slice(0, 10) > config.closingDate;
}

/** Refuses new work once the portal has closed; applies to everyone alike, so it reveals nothing about an address. */
export function assertPortalOpen(config: BreachConfig, now: number): void {
  if (isPortalClosed(config, new Date(now))) throw new PortalClosedError();
}
