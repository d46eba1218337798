import { isClosedNow } from './closing-date';

/** Swaps every [data-closable] block for the page's closing notice; returns true when the portal is closed. */
export function applyClosingDate(): boolean {
  const closable = document.querySelectorAll<HTMLElement>('[data-closable]');
  const closingDate = closable[0]?.dataset.closingDate;
  if (!closingDate || !isClosedNow(closingDate)) return false;
  for (const block of closable) block.hidden = true;
  for (const notice of document.querySelectorAll<HTMLElement>('[data-closing-notice]')) notice.hidden = false;
  return true;
}
