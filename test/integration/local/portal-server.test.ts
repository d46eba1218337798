import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { prepareRunSite } from '../../../functions/local/gateway/local-site-pages';
import { type ApiRoute, createPortalServer } from '../../../functions/local/gateway/portal-server';

/*
 * The local origin on a free port, with recording handlers in place of the real ones: proves the event API Gateway
 * would build, the API's 404/405/413 answers, and the static server's refusal to leave the site folder.
 */

const LOCAL_ORIGIN_SECRET = 'local-origin-secret';
const SECURITY_HEADERS = { 'content-security-policy': "default-src 'self'", 'x-frame-options': 'DENY' };

let server: Server;
let baseUrl: string;
let siteRoot: string;
let outsideFile: string;
const seenEvents: APIGatewayProxyEventV2[] = [];

const recordingHandler: ApiRoute['handler'] = async (event) => {
  seenEvents.push(event);
  return { statusCode: 201, headers: { 'content-type': 'application/json', 'x-handler': 'yes' }, body: '{"ok":true}' };
};

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'portal-server-'));
  siteRoot = join(base, 'dist');
  await mkdir(join(siteRoot, 'nl', 'guidance'), { recursive: true });
  await mkdir(join(siteRoot, '_astro'), { recursive: true });
  await writeFile(join(siteRoot, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(
    join(siteRoot, 'nl', 'guidance', 'index.html'),
    `<!doctype html><title>guidance</title><p id="local-banner" class="local-banner" data-label="Local demo" hidden></p>${'<p>advice</p>'.repeat(200)}`,
  );
  await writeFile(join(siteRoot, '404.html'), '<!doctype html><title>not found</title>');
  await writeFile(join(siteRoot, '_astro', 'app.abc123.js'), 'console.log(1)');
  await writeFile(join(siteRoot, 'style.css'), 'body{}');
  outsideFile = join(base, 'secret.txt');
  await writeFile(outsideFile, 'pepper-like secret');

  const routes: ApiRoute[] = [
    { id: 'CreateCheck', method: 'POST', path: '/api/v1/checks', handler: recordingHandler },
    { id: 'UpdateRequest', method: 'PATCH', path: '/api/v1/staff/assist-requests/{id}', handler: recordingHandler },
    { id: 'ListRequests', method: 'GET', path: '/api/v1/staff/assist-requests', handler: recordingHandler },
  ];
  await prepareRunSite(siteRoot, { inboxUrl: 'http://127.0.0.1:9/' });
  server = createPortalServer({
    routes,
    siteRoot,
    securityHeaders: SECURITY_HEADERS,
    localInfo: { inboxUrl: 'http://127.0.0.1:9/' },
    bodyCapBytes: 16 * 1024,
    originSecret: LOCAL_ORIGIN_SECRET,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(join(siteRoot, '..'), { recursive: true, force: true });
});

beforeEach(() => {
  seenEvents.length = 0;
});

/** A raw request: fetch would normalise `..` segments away before they reach the server. */
function rawRequest(
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('API Gateway v2 event shaping', () => {
  it('builds a payload 2.0 event with route key, lower-cased headers, query and text body', async () => {
    const response = await fetch(`${baseUrl}/api/v1/checks?a=1&b=2&a=3`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom-Thing': 'Value', 'User-Agent': 'jest-agent' },
      body: JSON.stringify({ email: 'someone@example.nl' }),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-handler')).toBe('yes');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const event = seenEvents[0];
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/v1/checks',
      rawPath: '/api/v1/checks',
      rawQueryString: 'a=1&b=2&a=3',
      queryStringParameters: { a: '1,3', b: '2' },
      body: '{"email":"someone@example.nl"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/api/v1/checks', sourceIp: '127.0.0.1', userAgent: 'jest-agent' },
        routeKey: 'POST /api/v1/checks',
        stage: '$default',
      },
    });
    expect(event?.headers['x-custom-thing']).toBe('Value');
    expect(event?.headers['content-type']).toBe('application/json');
    expect(event?.pathParameters).toBeUndefined();
    expect(event?.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof event?.requestContext.timeEpoch).toBe('number');
  });

  it('overwrites a client-sent viewer IP header with the caller, as the CDN does', async () => {
    await fetch(`${baseUrl}/api/v1/checks`, { method: 'POST', headers: { 'x-portal-viewer-ip': '203.0.113.9' } });
    expect(seenEvents[0]?.headers['x-portal-viewer-ip']).toBe('127.0.0.1');
  });

  it('adds the origin secret as CloudFront does, overwriting a client-sent value', async () => {
    await fetch(`${baseUrl}/api/v1/checks`, { method: 'POST', headers: { 'x-portal-origin-verify': 'guessed' } });
    expect(seenEvents[0]?.headers['x-portal-origin-verify']).toBe(LOCAL_ORIGIN_SECRET);
  });

  it('fills path parameters from the route template', async () => {
    await fetch(`${baseUrl}/api/v1/staff/assist-requests/req-42`, { method: 'PATCH', body: '{}' });
    expect(seenEvents[0]?.pathParameters).toEqual({ id: 'req-42' });
    expect(seenEvents[0]?.routeKey).toBe('PATCH /api/v1/staff/assist-requests/{id}');
  });

  it('base64-encodes a binary body as API Gateway does', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    await fetch(`${baseUrl}/api/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(seenEvents[0]?.isBase64Encoded).toBe(true);
    expect(Buffer.from(seenEvents[0]?.body ?? '', 'base64')).toEqual(bytes);
  });

  it('passes a body over the 8 KiB API limit to the handler, which owns that limit', async () => {
    await fetch(`${baseUrl}/api/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(10_000) }),
    });
    expect(seenEvents[0]?.body?.length).toBeGreaterThan(10_000);
  });

  it('answers 413 in the API error shape past the read cap without calling the handler', async () => {
    const response = await rawRequest('POST', '/api/v1/checks', Buffer.alloc(20 * 1024, 'a'), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
    expect(seenEvents).toHaveLength(0);
  });
});

describe('API routing', () => {
  it('answers an unknown API path with 404 not_found', async () => {
    const response = await fetch(`${baseUrl}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers a known path with the wrong method with 405 method_not_allowed and Allow', async () => {
    const response = await fetch(`${baseUrl}/api/v1/checks`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } });
  });
});

describe('static site', () => {
  it('serves index.html for the root and for folders, with content type and security headers', async () => {
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await home.text()).toContain('<title>home</title>');

    const guidance = await fetch(`${baseUrl}/nl/guidance/`);
    expect(await guidance.text()).toContain('<title>guidance</title>');
    const withoutSlash = await fetch(`${baseUrl}/nl/guidance`);
    expect(withoutSlash.status).toBe(200);
  });

  it('sends the right content types and lets fingerprinted assets be cached', async () => {
    const css = await fetch(`${baseUrl}/style.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const script = await fetch(`${baseUrl}/_astro/app.abc123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the 404 page with status 404 for a missing page', async () => {
    const response = await fetch(`${baseUrl}/nl/does-not-exist`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>not found</title>');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/nl/../../secret.txt',
    '/%2e%2e%5csecret.txt',
    '/index.html%00.css',
  ])('refuses to serve %s from outside the site folder', async (path) => {
    const response = await rawRequest('GET', path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('pepper-like secret');
  });

  it('serves /local/info.json with the inbox link', async () => {
    const response = await fetch(`${baseUrl}/local/info.json`);
    expect(await response.json()).toEqual({ inboxUrl: 'http://127.0.0.1:9/' });
  });

  it('compresses text like the CDN (br, else gzip; not below 1 000 bytes) and fills the local banner slot', async () => {
    // fetch would decompress and hide the encoding: read the raw answer.
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
        const request = httpGet(`${baseUrl}/nl/guidance/`, { headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
        });
        request.on('error', fail);
      });
    const brotli = await raw('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('accept-encoding');
    const html = brotliDecompressSync(brotli.body).toString('utf8');
    expect(html).toContain(
      '<p id="local-banner" class="local-banner"><a href="http://127.0.0.1:9/">Local demo</a></p>',
    );
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
    const gzip = await raw('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(html);
    expect((await raw('identity')).headers['content-encoding']).toBeUndefined();
    // Too small to be worth it, as CloudFront decides.
    const small = await fetch(`${baseUrl}/style.css`, { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('serves /staff/config.json telling the console to use the local sign-in', async () => {
    const response = await fetch(`${baseUrl}/staff/config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'local', loginPath: '/api/v1/local/staff-login' });
  });

  it('refuses to write to the static site', async () => {
    const response = await fetch(`${baseUrl}/index.html`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });
});
