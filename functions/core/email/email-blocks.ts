/*
 * A mail as a short list of blocks, rendered twice: as plain text and as HTML. Keeping one list makes the two parts
 * say the same things in the same order.
 */

export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string; fallback: string }
  | { kind: 'link'; lead: string; url: string };

export interface RenderedBlocks {
  blocks: EmailBlock[];
  locale: string;
  title: string;
  /** A support phone number in the text becomes a tel: link in the HTML (one tap on a phone). */
  phone: string;
  /** Plain text only: the note under a link that had to be broken over lines. */
  linkSpansLines: string;
}
