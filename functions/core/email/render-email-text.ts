import type { RenderedBlocks } from './email-blocks';

/*
 * The plain-text part. Prose wraps by itself in every client, but a URL has no spaces: a 90-character result link
 * made the text part 663 px wide on a 375 px phone. A URL longer than MAX_URL_LINE is therefore written the way
 * RFC 3986 (appendix C) suggests for URLs in plain text: inside < >, broken at a delimiter, with a note that the
 * link runs over lines.
 */

/** Characters per line a URL may take: fits a 375 px phone screen at the usual monospace-free text size. */
export const MAX_URL_LINE = 68;

export function renderEmailText({ blocks, linkSpansLines }: RenderedBlocks): string {
  const parts = blocks.map((block) => {
    if (block.kind === 'paragraph') return block.text;
    const lead = block.kind === 'button' ? `${block.label}:` : block.lead;
    return [lead, ...textLink(block.url, linkSpansLines)].join('\n');
  });
  return `${parts.join('\n\n')}\n`;
}

function textLink(url: string, linkSpansLines: string): string[] {
  if (url.length <= MAX_URL_LINE) return [url];
  const lines = breakUrl(url, MAX_URL_LINE - 1);
  return [`<${lines.join('\n')}>`, linkSpansLines];
}

/**
 * Splits a URL into lines of at most `max` characters. It prefers to break before a # ? or & (so `#t=<token>` stays on
 * one line, whole) or after a / or =, and cuts hard at the limit only when a run has no delimiter at all.
 */
export function breakUrl(url: string, max: number): string[] {
  const lines: string[] = [];
  let rest = url;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const before = Math.max(...['#', '?', '&'].map((d) => window.lastIndexOf(d)));
    const after = Math.max(...['/', '='].map((d) => window.slice(0, max).lastIndexOf(d) + 1));
    // A break near the start would leave a stub of a line; cut hard at the limit instead.
    const cut = before >= max / 3 ? before : after >= max / 3 ? after : max;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}
