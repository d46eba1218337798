import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/*
 * Serves the built Astro site (site/dist) the way CloudFront + S3 will: content types, index.html for folders, the
 * 404 page, and the same security headers the CDN adds. Refuses anything that would leave the site folder.
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
}

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
    await sendNotFound(response, options, urlPath, method === 'HEAD');
    return;
  }
  await sendFile(response, options, resolution.path, 200, method === 'HEAD');
}

async function sendNotFound(response: ServerResponse, options: StaticSiteOptions, urlPath: string, headOnly: boolean) {
  const locale = /^\/(nl|en)(\/|$)/.exec(urlPath)?.[1];
  const pages = [locale ? join(options.root, locale, '404.html') : undefined, join(options.root, '404.html')];
  for (const page of pages) {
    if (page && (await isFile(page))) return sendFile(response, options, page, 404, headOnly);
  }
  response.writeHead(404, { ...options.securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not Found');
}

async function sendFile(
  response: ServerResponse,
  options: StaticSiteOptions,
  path: string,
  status: number,
  headOnly: boolean,
) {
  const info = await stat(path);
  const extension = extname(path).toLowerCase();
  response.writeHead(status, {
    ...options.securityHeaders,
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-length': String(info.size),
    // Astro fingerprints /_astro/ assets; pages must be revalidated so a redeploy shows at once.
    'cache-control': path.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (headOnly) {
    response.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(path);
    stream.once('error', fail);
    response.once('finish', () => done());
    response.once('close', () => done());
    stream.pipe(response);
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
