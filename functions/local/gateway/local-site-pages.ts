import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { contentTypeOf } from './static-site';

/*
 * Readies this run's own copy of the site before it is served (never site/dist or a SITE_DIR: those are copied first,
 * see site-build.ts). Locally only, the "local demo" banner slot every page carries is filled in with the inbox link,
 * so pages without a script show it too. Then every text file of 1 000 bytes or more gets .br and .gz copies, as
 * CloudFront compresses objects between 1 000 bytes and 10 MB, so local Lighthouse figures mean something.
 */

export interface LocalInboxLinks {
  /** The mail inbox the banner links to. */
  inboxUrl: string;
  /** The SMS inbox, linked instead on the page shown after a check by mobile number. */
  smsInboxUrl?: string;
}

const BANNER_SLOT = /<p id="local-banner" class="local-banner" data-label="([^"]*)" hidden><\/p>/;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg\+xml)/;
const MIN_COMPRESS_BYTES = 1000;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export async function prepareRunSite(root: string, links: LocalInboxLinks): Promise<void> {
  for (const file of await filesUnder(root)) {
    let body: Buffer = await readFile(file);
    if (file.endsWith('.html')) {
      const filled = withLocalBanner(body, inboxLinkFor(file, links));
      if (filled !== body) await writeFile(file, filled);
      body = filled;
    }
    const urlPath = `/${relative(root, file).split(sep).join('/')}`;
    if (!COMPRESSIBLE.test(contentTypeOf(urlPath)) || body.length < MIN_COMPRESS_BYTES) continue;
    await writeFile(`${file}.br`, await brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
    await writeFile(`${file}.gz`, await gzipAsync(body));
  }
}

/** After a check by mobile number the answer is in the SMS outbox emulator's inbox, not the mail one. */
function inboxLinkFor(file: string, links: LocalInboxLinks): string {
  const isSmsPage = file.split(sep).includes('check-sent-sms') || basename(file, '.html') === 'check-sent-sms';
  return isSmsPage ? (links.smsInboxUrl ?? links.inboxUrl) : links.inboxUrl;
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

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
