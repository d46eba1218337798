import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';

/** The site's not-found page in the Astro build (site/src/pages/404.astro). */
export const NOT_FOUND_PAGE = '/404.html';

/*
 * The site's page function, on the site behaviours only (viewer request and viewer response).
 *
 * Viewer request: Astro emits folder/index.html and an S3 REST origin does not resolve folders, so the URI is
 * completed here. A page (a .html key) that is not in the build is sent to the site's 404 page instead.
 * Viewer response: a page that is not in the build gets status 404 (S3 answered 200 for /404.html).
 *
 * Why not CloudFront's error responses (403/404 → /404.html): they apply to the whole distribution, so they would
 * also replace the API's own 404 `token_unknown` and 403 JSON answers with an HTML page, which the site and staff
 * console read as JSON. And S3 answers a missing key behind origin access control with 403 (no ListBucket), not
 * 404. The build's page list is known at synth, so the function decides without asking the origin. Assets (any
 * other extension) are left to S3: a browser never shows them as a page.
 * Both event types run the same check on whatever URI they see, so they agree whether CloudFront hands the viewer
 * response the original or the rewritten request.
 */
export function sitePageFunctionCode(pages: readonly string[]): string {
  const known = pages.filter((page) => page !== NOT_FOUND_PAGE);
  const handleMissing = pages.includes(NOT_FOUND_PAGE);
  return `var PAGES = ${JSON.stringify(Object.fromEntries(known.map((page) => [page, 1])))};
var HANDLE_MISSING = ${handleMissing};
function pageKey(uri) {
  if (uri.endsWith('/')) return uri + 'index.html';
  if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) return uri + '/index.html';
  return uri;
}
function isMissingPage(key) {
  return HANDLE_MISSING && key.endsWith('.html') && !PAGES[key];
}
function handler(event) {
  var request = event.request;
  var key = pageKey(request.uri);
  if (event.context.eventType === 'viewer-response') {
    var response = event.response;
    if (isMissingPage(key)) { response.statusCode = 404; response.statusDescription = 'Not Found'; }
    return response;
  }
  request.uri = isMissingPage(key) ? '${NOT_FOUND_PAGE}' : key;
  return request;
}`;
}

/** Every .html file of the site build as its URI path (`/nl/index.html`); none when there is no build. */
export function sitePages(siteAssetPath: string): string[] {
  if (!existsSync(siteAssetPath)) return [];
  return readdirSync(siteAssetPath, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.split(sep).join('/')}`)
    .sort();
}

/** CloudFront Functions' code size limit. */
const FUNCTION_CODE_MAX_BYTES = 10_240;

/** The page function for the build in `siteAssetPath`; fails the synth if the page list outgrows CloudFront's limit. */
export function sitePageFunctionCodeFor(siteAssetPath: string): string {
  const code = sitePageFunctionCode(sitePages(siteAssetPath));
  if (Buffer.byteLength(code) > FUNCTION_CODE_MAX_BYTES)
    throw new Error(`The site's page list makes the CloudFront page function exceed ${FUNCTION_CODE_MAX_BYTES} bytes`);
  return code;
}
