/*
 * The reference a customer is given for a call-back request, and that the agent sees next to it in the queue: the
 * first eight hex digits of the request's random id, as two groups of four. Enough for a customer and an agent to
 * agree they mean the same request; it opens nothing, and the full id never leaves the staff side.
 */
export function assistReference(id: string): string {
  const hex = id
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}
