import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PortalError } from '../core/errors';
import type { AppLogger, StaffRole } from '../core/ports';
import { createHttpHandler } from '../http/http-stack';
import type { OriginGuard } from '../http/origin-guard';
import { DEFAULT_TOKEN_SECONDS, type LocalStaffIssuer } from './staff-issuer';

/*
 * Demo staff accounts for the local stack only: the dev login on the console (POST /api/v1/local/staff-login) trades
 * one of these for a token of the local issuer. The passwords are public on purpose (README, docs/staff.md): the
 * local issuer's tokens are accepted by nothing but the local stack. Deployed, staff sign in through Cognito.
 */

export interface DemoStaffAccount {
  user: string;
  password: string;
  role: StaffRole;
}

export const DEMO_STAFF_ACCOUNTS: readonly DemoStaffAccount[] = [
  { user: 'agent.anna', password: 'demo-agent', role: 'agent' },
  { user: 'agent.bram', password: 'demo-agent', role: 'agent' },
  { user: 'supervisor.sam', password: 'demo-supervisor', role: 'supervisor' },
];

/** Where the local stack mounts the dev login (not in contract/routes.ts: it must never be deployed). */
export const LOCAL_STAFF_LOGIN_PATH = '/api/v1/local/staff-login';

/** Lines for the `npm start` banner. */
export function describeDemoStaffAccounts(consoleUrl: string): string[] {
  return [
    `Staff console logins (${consoleUrl}, local only):`,
    ...DEMO_STAFF_ACCOUNTS.map(
      (account) => `  ${account.user.padEnd(16)} password ${account.password.padEnd(16)} ${account.role}`,
    ),
    '  or a bearer token: npx portal staff-token --user agent.anna --role agent',
  ];
}

export class InvalidCredentialsError extends PortalError {
  static override readonly codes = ['invalid_credentials'];

  constructor() {
    super('invalid_credentials', 'Unknown user or wrong password.');
  }
}

const loginSchema = z.strictObject({ user: z.string().min(1).max(128), password: z.string().min(1).max(128) });

/** Checks a demo login; compares digests in constant time so the check says nothing through timing. */
export function findDemoAccount(user: string, password: string): DemoStaffAccount | undefined {
  const account = DEMO_STAFF_ACCOUNTS.find((candidate) => candidate.user === user.trim().toLowerCase());
  const expected = digest(account?.password ?? 'no account: compare anyway');
  const matches = timingSafeEqual(expected, digest(password));
  return account && matches ? account : undefined;
}

/**
 * The dev login handler for the local stack: {user, password} → {token, user, role, expiresIn}. Mount it at
 * LOCAL_STAFF_LOGIN_PATH (POST) next to the routes of contract/routes.ts.
 */
export function createLocalStaffLoginHandler(deps: {
  issuer: LocalStaffIssuer;
  logger: AppLogger;
  originGuard: OriginGuard;
}) {
  return createHttpHandler({
    logger: deps.logger,
    originGuard: deps.originGuard,
    schema: loginSchema,
    handle: async ({ body }) => {
      const account = findDemoAccount(body.user, body.password);
      if (!account) throw new InvalidCredentialsError();
      const token = deps.issuer.issueToken({ staffId: account.user, role: account.role });
      return {
        status: 200,
        body: { token, user: account.user, role: account.role, expiresIn: DEFAULT_TOKEN_SECONDS },
      };
    },
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
