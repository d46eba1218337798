import * as z from 'zod';

/*
 * The `sms` section of the breach configuration (DESIGN §9): whether customers may check by mobile number, which
 * numbers may receive an answer, what one day may cost, and the sender id the texts carry. Absent → the phone route
 * is off and every phone check is refused alike with phone_not_supported.
 *
 * Countries and number types are an allow-list, because an SMS costs money and "SMS pumping" fraud sends texts to
 * premium-rate or foreign numbers the fraudster is paid for; the CDK protect configuration allows the same countries.
 */

/** libphonenumber's number types that can receive a text at all; landlines and premium-rate numbers never can. */
export const SMS_NUMBER_TYPES = ['MOBILE', 'FIXED_LINE_OR_MOBILE'] as const;
export type SmsNumberType = (typeof SMS_NUMBER_TYPES)[number];

export const smsConfigSchema = z
  .object({
    /** Shows "by mobile number" on the check page and accepts `phone` in POST /api/v1/checks. */
    enabled: z.boolean(),
    /**
     * Alphanumeric sender id shown on the phone: 3–11 characters with at least one letter, in capitals, as End User
     * Messaging registers it (AWS::SMSVOICE::SenderId accepts only A–Z, 0–9, "_" and "-").
     */
    senderId: z.string().regex(/^(?=.*[A-Z])[A-Z0-9_-]{3,11}$/, 'expected 3–11 capitals/digits with a capital'),
    /** ISO 3166 alpha-2 regions whose numbers may be texted. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    numberTypes: z.array(z.enum(SMS_NUMBER_TYPES)).min(1),
    /** Texts per UTC day over all numbers; past it, phone checks are refused alike until midnight UTC. */
    dailyBudget: z.number().int().positive(),
    checksPerNumberPerDay: z.number().int().positive(),
    checksPerIpPerHour: z.number().int().positive(),
  })
  .strict();

export type SmsConfig = z.infer<typeof smsConfigSchema>;
