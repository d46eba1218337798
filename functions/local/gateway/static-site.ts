import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

/*
 * Serves the built Astro site (site/dist) the way CloudFront + S3 will: content types, index.html for folders, the
 * 404 page, the same security headers the CDN adds, and text compressed (br, else gzip) as CloudFront compresses it,
 * so local Lighthouse figures mean something. Refuses anything that would leave the site folder. Locally only, the
 * "local demo" banner slot every page carries is filled in here, so pages without a script show it too.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

export interface StaticSiteOptions {
  /** Absolute path of the built site. */
  root: string;
  /** Headers sent with every response (the CDN's response-headers policy). */
  securityHeaders: Record<string, string>;
  /** Local stack only: the mail inbox the banner links to. */
  localInboxUrl?: string;
  /** Local stack only: the SMS inbox, linked instead on the page shown after a check by mobile number. */
  localSmsInboxUrl?: string;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg\+xml)/;
// CloudFront compresses objects between 1 000 bytes and 10 MB.
const MIN_COMPRESS_BYTES = 1000;
const BANNER_SLOT = /<p id="local-banner" class="local-banner" data-label="([^"]*)" hidden><\/p>/;

export type StaticFileResolution = { kind: 'file'; path: string } | { kind: 'not_found' } | { kind: 'forbidden' };

/** Maps a URL path onto a file under root, or says why not. Never returns a path outside root. */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFileResolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const base = resolve(root);
  const candidate = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (candidate !== base && !candidate.startsWith(base + sep)) return { kind: 'forbidden' };
  // Dotfiles are never published (S3 gets only the build output, which has none worth serving).
  if (
    candidate
      .slice(base.length)
      .split(sep)
      .some((segment) => segment.startsWith('.'))
  )
    return { kind: 'not_found' };

  for (const option of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    if (await isFile(option)) return { kind: 'file', path: option };
  }
  return { kind: 'not_found' };
}

export async function serveStaticSite(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticSiteOptions,
): Promise<void> {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, { ...options.securityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain' });
    response.end('Method Not Allowed');
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://local').pathname;
  const resolution = await resolveStaticFile(options.root, urlPath);
  if (resolution.kind === 'forbidden') {
    response.writeHead(400, { ...options.securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Bad Request');
    return;
  }
  if (resolution.kind === 'not_found') {
    await sendNotFound(request, response, options, urlPath);
    return;
  }
  await sendFile(request, response, options, resolution.path, 200);
}

async function sendNotFound(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticSiteOptions,
  urlPath: string,
) {
  const locale = /^\/(nl|en)(\/|$)/.exec(urlPath)?.[1];
  const pages = [locale ? join(options.root, locale, '404.html') : undefined, join(options.root, '404.html')];
  for (const page of pages) {
    if (page && (await isFile(page))) return sendFile(request, response, options, page, 404);
  }
  response.writeHead(404, { ...options.securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not Found');
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticSiteOptions,
  path: string,
  status: number,
) {
  const extension = extname(path).toLowerCase();
  const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  let body: Buffer = await readFile(path);
  // After a check by mobile number the answer is in the SMS outbox emulator's inbox, not the mail one.
  const inboxUrl =
    path.split(sep).includes('check-sent-sms') || basename(path, '.html') === 'check-sent-sms'
      ? (options.localSmsInboxUrl ?? options.localInboxUrl)
      : options.localInboxUrl;
  if (extension === '.html' && inboxUrl) body = withLocalBanner(body, inboxUrl);
  const headers: Record<string, string> = {
    ...options.securityHeaders,
    'content-type': contentType,
    // Astro fingerprints /_astro/ assets; pages must be revalidated so a redeploy shows at once.
    'cache-control': path.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESSIBLE.test(contentType)) {
    headers.vary = 'accept-encoding';
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding && body.length >= MIN_COMPRESS_BYTES) {
      body =
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(body);
      headers['content-encoding'] = encoding;
    }
  }
  headers['content-length'] = String(body.length);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = (accept ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, quality]) => quality?.trim() !== 'q=0')
    .map(([name]) => name?.trim().toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return undefined;
}

function withLocalBanner(html: Buffer, inboxUrl: string): Buffer {
  const text = html.toString('utf8');
  const filled = text.replace(
    BANNER_SLOT,
    (_slot, label: string) =>
      `<p id="local-banner" class="local-banner"><a href="${escapeAttribute(inboxUrl)}">${label}</a></p>`,
  );
  return filled === text ? html : Buffer.from(filled, 'utf8');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
