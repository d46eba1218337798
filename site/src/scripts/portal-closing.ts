/*
 * The run-time half of the closing notice: a page built before the closing date still closes on the day. Mirrors
 * isPortalClosed in functions/core/breach-config.ts, which the islands cannot import without bundling zod.
 */
export function isClosedNow(closingDate: string, now = new Date()): boolean {
  return now.toISOString().slice(0, 10) > closingDate;
}

/** Swaps every [data-closable] block for the page's closing notice; returns true when the portal is closed. */
export function applyClosingDate(): boolean {
  const closable = document.querySelectorAll<HTMLElement>('[data-closable]');
  const closingDate = closable[0]?.dataset.closingDate;
  if (!closingDate || !isClosedNow(closingDate)) return false;
  for (const block of closable) block.hidden = true;
  for (const notice of document.querySelectorAll<HTMLElement>('[data-closing-notice]')) notice.hidden = false;
  return true;
}
