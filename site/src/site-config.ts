import { readFileSync } from 'node:fs';
import { type BreachConfig, isPortalClosed, parseBreachConfig } from '../../functions/core/breach-config';

/*
 * Build-time only (page frontmatter): the same breach config the backend validates, so the site can never describe a
 * different breach than the API serves. A bad config fails the build with the offending key named.
 */

let cached: BreachConfig | undefined;

export function siteBreachConfig(): BreachConfig {
  cached ??= parseBreachConfig(JSON.parse(readFileSync(__BREACH_CONFIG_PATH__, 'utf8')));
  return cached;
}

/** Decided once per build; the islands decide again in the browser, so a site built before the date still closes. */
export function closedAtBuild(config: BreachConfig): boolean {
  return isPortalClosed(config, new Date());
}
