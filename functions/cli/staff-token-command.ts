import { resolve } from 'node:path';
import type { StaffRole } from '../core/ports';
import { loadOrCreateLocalStaffIssuer } from '../local/staff-issuer';
import type { CliIo } from './cli-command';
import { UsageError } from './cli-errors';

/*
 * `portal staff-token --user U --role R [--minutes M]`: prints a bearer token of the local staff issuer (the key in
 * LOCAL_DIR, default .local/), for curl and scripts against `npm start`. Only the local stack accepts it: the
 * deployed API trusts the Cognito user pool and nothing else.
 */

/** Options of `portal staff-token` (program.ts limits role to the staff groups and minutes to 1–720). */
export interface StaffTokenCommandOptions {
  user: string;
  role: StaffRole;
  minutes: number;
}

const STAFF_USER = /^[\w.@+-]{1,128}$/;

export async function staffTokenCommand({ user, role, minutes }: StaffTokenCommandOptions, io: CliIo): Promise<number> {
  if (!STAFF_USER.test(user)) {
    throw new UsageError(
      `--user must be 1–128 letters, digits or . _ @ + - (got "${user.slice(0, 40)}${user.length > 40 ? '…' : ''}")`,
    );
  }
  const issuer = await loadOrCreateLocalStaffIssuer(resolve(process.env.LOCAL_DIR || '.local'));
  io.out(issuer.issueToken({ staffId: user, role, expiresInSeconds: minutes * 60 }));
  return 0;
}
