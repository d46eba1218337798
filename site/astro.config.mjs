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

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    define: { __BREACH_CONFIG_PATH__: JSON.stringify(breachConfigPath) },
    build: { assetsInlineLimit: 0 },
  },
});
