import type { BreachConfig, Locale } from '../../../functions/core/breach-config';
import type { Field } from '../../../functions/core/fields';
import { englishFieldGuidance } from './field-guidance-en';
import { dutchFieldGuidance } from './field-guidance-nl';
import { FIELD_REFERENCES, type FieldReferences } from './field-references';

/*
 * One guidance page per exposed field, per locale, in the order Mozilla Monitor uses: "your X was exposed" → why it
 * matters → what criminals do with it → 2–4 numbered steps → estimated time → where to report → sources. Typed by
 * Field so a missing field or locale is a compile error and a failing content test.
 */

/** What each language writes for a field; where to report and the sources come from field-references.ts. */
export interface LocalisedFieldGuidance {
  /** "Your IBAN was exposed" */
  title: string;
  /** One line, shown next to the field on the result page. */
  riskSummary: string;
  whyItMatters: string[];
  criminalUses: string[];
  /** 2–4 concrete steps, most useful first. */
  steps: string[];
  estimatedTime: string;
}

export type FieldGuidance = LocalisedFieldGuidance & FieldReferences;
export type GuidanceByField = Record<Field, FieldGuidance>;
export type LocalisedGuidanceByField = Record<Field, LocalisedFieldGuidance>;

/** The organisation and its contact come from the breach config; the guidance itself names no one. */
export interface GuidanceContext {
  organisation: string;
  supportPhone: string;
}

export function fieldGuidance(locale: Locale, config: BreachConfig): GuidanceByField {
  const context: GuidanceContext = {
    organisation: config.organisation.name,
    supportPhone: config.support[locale].phone,
  };
  const texts = locale === 'nl' ? dutchFieldGuidance(context) : englishFieldGuidance(context);
  const fields = Object.keys(texts) as Field[];
  return Object.fromEntries(
    fields.map((field) => [field, { ...texts[field], ...FIELD_REFERENCES[field] }]),
  ) as GuidanceByField;
}
