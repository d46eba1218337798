import * as z from 'zod';

/*
 * The optional parts of the breach config that only shape what a customer sees: the organisation's branding, what the
 * call-back confirmation promises, and an example customer number. Each has a neutral default, so a config without
 * them still builds a plain, accessible portal.
 */

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
// The CSP allows images only from the site itself or data: URLs, so a logo travels inside the config.
const MAX_LOGO_CHARS = 30_000;
const logoDataUrl = z
  .string()
  .regex(
    /^data:image\/(?:svg\+xml|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/,
    'expected a base64 data: URL of an SVG, PNG or WebP image',
  )
  .max(MAX_LOGO_CHARS, `must be at most ${MAX_LOGO_CHARS} characters`);

export const brandingSchema = z
  .object({
    /** Header bar, buttons and links; must read on white (WCAG AA, contrast ≥ 4.5). */
    colour: hexColour.refine((colour) => contrastOnWhite(colour) >= 4.5, {
      message: 'must have a contrast of at least 4.5 against white (WCAG AA) for links and buttons',
    }),
    /** Shown before the site name, which already says whose portal it is (so the image itself is decorative). */
    logo: logoDataUrl.optional(),
  })
  .strict();

export const callbackSchema = z
  .object({
    /** The number the agent calls from, as the customer will see it: the site tells them to expect exactly this. */
    callerNumber: z.string().min(3),
    withinWorkingDays: z.number().int().positive().max(10),
  })
  .strict();

export type Branding = z.infer<typeof brandingSchema>;

/** The neutral default: the site's own blue. */
export const DEFAULT_BRAND_COLOUR = '#0b4f9c';

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
export function contrastOnWhite(colour: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return 1.05 / (luminance + 0.05);
}
