import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';

/*
 * Serves the built Astro site the way CloudFront + S3 do, with sirv: index.html for folders and pretty URLs
 * (/nl/faq → /nl/faq/index.html), the locale's 404 page, the CDN's security headers, fingerprinted assets cached for
 * good, br/gzip when the client takes it (the files local-site-pages.ts wrote next to each page). sirv serves only
 * the files it listed under root when it was created: no directory listing, no dotfiles, nothing outside root.
 */

export interface StaticSiteOptions {
  /** Absolute path of the built site (this run's own copy, see local-site-pages.ts). */
  root: string;
  /** Headers sent with every response (the CDN's response-headers policy). */
  securityHeaders: Record<string, string>;
}

export type StaticSiteHandler = (request: IncomingMessage, response: ServerResponse) => void;

const TEXT_TYPES = /^(?:text\/|application\/(?:json|xml|manifest\+json)$|image\/svg\+xml$)/;
const PRECOMPRESSED = /\.(?:br|gz)$/;

export function createStaticSite(options: StaticSiteOptions): StaticSiteHandler {
  const notFound = (request: IncomingMessage, response: ServerResponse) => sendNotFound(request, response, options);
  // dev: false lists the files once, now: the run's copy of the site is complete and does not change.
  const serve = sirv(options.root, {
    dev: false,
    extensions: ['html'],
    brotli: true,
    gzip: true,
    dotfiles: false,
    setHeaders: (response, pathname) => setSiteHeaders(response, pathname, options.securityHeaders),
    onNoMatch: notFound,
  });
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { ...options.securityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain' });
      response.end('Method Not Allowed');
      return;
    }
    // The compressed copies are how a page is sent, not pages of their own.
    if (PRECOMPRESSED.test(new URL(request.url ?? '/', 'http://local').pathname)) return notFound(request, response);
    serve(request, response);
  };
}

/** What S3 stores as the object's content type: text types with their charset, pages (no extension) as HTML. */
export function contentTypeOf(pathname: string): string {
  const extension = extname(pathname);
  const type = (extension ? lookup(extension) : undefined) ?? (extension ? 'application/octet-stream' : 'text/html');
  return TEXT_TYPES.test(type) ? `${type}; charset=utf-8` : type;
}

function setSiteHeaders(response: ServerResponse, pathname: string, securityHeaders: Record<string, string>) {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  response.setHeader('content-type', contentTypeOf(pathname));
  // Astro fingerprints /_astro/ assets; pages must be revalidated so a redeploy shows at once.
  response.setHeader(
    'cache-control',
    pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  response.setHeader('vary', 'accept-encoding');
}

function sendNotFound(request: IncomingMessage, response: ServerResponse, options: StaticSiteOptions) {
  const pathname = new URL(request.url ?? '/', 'http://local').pathname;
  const locale = /^\/(nl|en)(\/|$)/.exec(pathname)?.[1];
  const page = [locale && join(options.root, locale, '404.html'), join(options.root, '404.html')].find(
    (candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string),
  );
  if (!page) {
    response.writeHead(404, { ...options.securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not Found');
    return;
  }
  response.writeHead(404, {
    ...options.securityHeaders,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(page).pipe(response);
}
