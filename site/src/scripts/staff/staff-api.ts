/*
 * The console's calls to /api/v1/staff/…: same origin, the bearer token from the session, JSON both ways. Every
 * failure becomes data (status + code) the console turns into a sentence.
 */

export type StaffApiOutcome<T> =
  | { kind: 'ok'; body: T }
  | { kind: 'error'; status: number; code: string; retryAfterSeconds?: number }
  | { kind: 'network' };

export async function callStaffApi<T>(
  token: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<StaffApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        // The API words its refusals in the console's language (functions/http/console-language.ts).
        'accept-language': document.documentElement.lang || 'nl',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'network' };
  }
  const parsed = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | T | undefined;
  if (response.ok) return { kind: 'ok', body: parsed as T };
  const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    kind: 'error',
    status: response.status,
    code: typeof code === 'string' ? code : `http_${response.status}`,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
