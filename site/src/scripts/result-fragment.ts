/*
 * The pure half of the result page: what the fragment holds and which state an API answer leads to. Kept apart from
 * the DOM code so it can be tested without a browser.
 */

export type ResultState =
  | 'loading'
  | 'exposed'
  | 'nothing'
  | 'token_expired'
  | 'token_used'
  | 'token_unknown'
  | 'no_token'
  | 'network';

/** `#t=<token>` → the token; anything else → undefined. */
export function tokenFromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t')?.trim();
  return token || undefined;
}

/** The state for an API error: the token codes as they are; any other 410 counts as expired, the rest as unknown. */
export function stateForError(status: number, code: string): ResultState {
  if (code === 'token_expired' || code === 'token_used' || code === 'token_unknown') return code;
  return status === 410 ? 'token_expired' : 'token_unknown';
}
