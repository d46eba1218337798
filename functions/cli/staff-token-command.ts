import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { StaffRole } from '../core/ports';
import { STAFF_GROUPS } from '../core/staff/staff-roles';
import { loadOrCreateLocalStaffIssuer } from '../local/staff-issuer';
import type { CliCommand } from './cli-command';

/*
 * `portal staff-token --user U --role R [--minutes M]`: prints a bearer token of the local staff issuer (the key in
 * LOCAL_DIR, default .local/), for curl and scripts against `npm start`. Only the local stack accepts it: the
 * deployed API trusts the Cognito user pool and nothing else.
 */

const USAGE = 'Usage: portal staff-token --user <name> --role <agent|supervisor> [--minutes <1-720>]';
const STAFF_USER = /^[\w.@+-]{1,128}$/;

export const staffTokenCommand: CliCommand = async (args, io) => {
  let values: { user?: string; role?: string; minutes?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { user: { type: 'string' }, role: { type: 'string' }, minutes: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const role = values.role as StaffRole | undefined;
  const minutes = values.minutes === undefined ? 480 : Number(values.minutes);
  if (!values.user || !STAFF_USER.test(values.user) || !role || !STAFF_GROUPS.includes(role)) {
    io.err(USAGE);
    return 1;
  }
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720) {
    io.err(`--minutes must be a whole number from 1 to 720.\n${USAGE}`);
    return 1;
  }
  const issuer = await loadOrCreateLocalStaffIssuer(resolve(process.env.LOCAL_DIR || '.local'));
  io.out(issuer.issueToken({ staffId: values.user, role, expiresInSeconds: minutes * 60 }));
  return 0;
};
