import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

/*
 * Static output only: the CDN (and the local stack) serve site/dist as files. Two settings keep the built HTML
 * working under the strict CSP in security-headers.json (no 'unsafe-inline'): stylesheets are never inlined, and
 * assetsInlineLimit 0 stops Astro from inlining small scripts into the page.
 */

// The breach config is the backend's own file; $BREACH_CONFIG points the build at another breach.
const breachConfigPath = process.env.BREACH_CONFIG
  ? resolve(process.env.BREACH_CONFIG)
  : fileURLToPath(new URL('../config/breach.json', import.meta.url));

// The public origin (https://datalek.example.nl) when known at build time: hreflang alternates must be absolute URLs,
// so without it the page names no alternate (the language switch link still works).
const site = process.env.SITE_URL || undefined;

export default defineConfig({
  output: 'static',
  site,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    define: { __BREACH_CONFIG_PATH__: JSON.stringify(breachConfigPath) },
    build: { assetsInlineLimit: 0 },
  },
});
