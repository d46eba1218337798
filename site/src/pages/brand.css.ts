import { DEFAULT_BRAND_COLOUR } from '../../../functions/core/breach-config-presentation';
import { siteBreachConfig } from '../site-config';

/*
 * /brand.css: the organisation's colour from the breach config (validated for contrast on white), built as a file
 * because the CSP allows no inline style. Pages link it only when the config has `branding`; without it the site
 * keeps its neutral blue.
 */
export function GET(): Response {
  const colour = siteBreachConfig().branding?.colour ?? DEFAULT_BRAND_COLOUR;
  // `html:root` and `html .button` outrank site.css, which Astro links after this file.
  const css = `html:root{--accent:${colour};--link:${colour};}\nhtml .button:hover{background:${colour};text-decoration:underline;}\n`;
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
}
