/*
 * The staff session: one bearer token, kept in sessionStorage only (gone when the tab closes, never in a cookie or
 * localStorage), and the two ways to get it — the local stack's dev login, or the Cognito hosted UI (authorization
 * code with PKCE) when /staff/config.json says so. The token's claims are read for display only; the API verifies.
 */

const TOKEN_KEY = 'staff-console.token';
const PKCE_KEY = 'staff-console.pkce';

export interface StaffSession {
  token: string;
  user: string;
  role: 'agent' | 'supervisor';
}

/** What the CDK app serves at /staff/config.json (docs/staff.md). Absent → the local dev login. */
export interface CognitoConsoleConfig {
  mode: 'cognito';
  /** Hosted UI base, e.g. https://portal-staff.auth.eu-west-1.amazoncognito.com */
  domain: string;
  clientId: string;
  /** The console URL registered as callback, e.g. https://datalek.example.nl/staff/ */
  redirectUri: string;
  scopes?: string[];
}

export type ConsoleConfig = CognitoConsoleConfig | { mode: 'local'; loginPath: string };

export const LOCAL_CONFIG: ConsoleConfig = { mode: 'local', loginPath: '/api/v1/local/staff-login' };

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/staff/config.json', { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return LOCAL_CONFIG;
    const config: unknown = await response.json();
    if (isCognitoConfig(config)) return config;
  } catch {
    // No config file: the local stack.
  }
  return LOCAL_CONFIG;
}

export function currentSession(): StaffSession | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  const session = sessionFromToken(token);
  if (!session) sessionStorage.removeItem(TOKEN_KEY);
  return session;
}

export function startSession(token: string): StaffSession | undefined {
  const session = sessionFromToken(token);
  if (session) sessionStorage.setItem(TOKEN_KEY, token);
  return session;
}

export function endSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Claims for display; an expired or unreadable token is no session. */
function sessionFromToken(token: string): StaffSession | undefined {
  try {
    const payload = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>;
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return undefined;
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
    const role = groups.includes('supervisor') ? 'supervisor' : groups.includes('agent') ? 'agent' : undefined;
    const user = typeof payload.username === 'string' ? payload.username : payload.sub;
    if (!role || typeof user !== 'string') return undefined;
    return { token, user, role };
  } catch {
    return undefined;
  }
}

/** Sends the browser to the Cognito hosted UI; it comes back to redirectUri with ?code=…&state=…. */
export async function redirectToCognito(config: CognitoConsoleConfig): Promise<void> {
  const verifier = randomBase64Url(32);
  const state = randomBase64Url(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const challenge = base64UrlEncode(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: (config.scopes ?? ['openid']).join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

/** On return from the hosted UI: trades the code for tokens and keeps only the access token. */
export async function completeCognitoLogin(config: CognitoConsoleConfig): Promise<StaffSession | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(PKCE_KEY);
  if (!code || !saved) return undefined;
  sessionStorage.removeItem(PKCE_KEY);
  // The code must not linger in the address bar or history.
  history.replaceState(null, '', location.pathname);
  const { verifier, state } = JSON.parse(saved) as { verifier: string; state: string };
  if (params.get('state') !== state) return undefined;
  const response = await fetch(new URL('/oauth2/token', config.domain).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) return undefined;
  const tokens = (await response.json()) as { access_token?: unknown };
  return typeof tokens.access_token === 'string' ? startSession(tokens.access_token) : undefined;
}

function isCognitoConfig(value: unknown): value is CognitoConsoleConfig {
  if (typeof value !== 'object' || value === null) return false;
  const config = value as Record<string, unknown>;
  return (
    config.mode === 'cognito' &&
    typeof config.domain === 'string' &&
    config.domain.startsWith('https://') &&
    typeof config.clientId === 'string' &&
    typeof config.redirectUri === 'string'
  );
}

function randomBase64Url(bytes: number): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64UrlEncode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function base64UrlDecode(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
}
