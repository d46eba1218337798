import type { StaffIdentity, StaffRole } from '../ports';
import { ForbiddenError } from './staff-errors';

/*
 * What each role may do, in one table: the staff-auth middleware checks it before any handler runs. An agent helps
 * callers; only a supervisor reads the audit log and the metrics.
 */

export const STAFF_ACTIONS = [
  'lookup',
  'confirmation',
  'list_assist_requests',
  'update_assist_request',
  'read_audit',
  'read_metrics',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const ROLES_BY_ACTION: Record<StaffAction, readonly StaffRole[]> = {
  lookup: ['agent', 'supervisor'],
  confirmation: ['agent', 'supervisor'],
  list_assist_requests: ['agent', 'supervisor'],
  update_assist_request: ['agent', 'supervisor'],
  read_audit: ['supervisor'],
  read_metrics: ['supervisor'],
};

export function mayPerform(role: StaffRole, action: StaffAction): boolean {
  return ROLES_BY_ACTION[action].includes(role);
}

/** The Cognito groups (and the local issuer's, which mimics them) that make someone staff. */
export const STAFF_GROUPS: readonly StaffRole[] = ['supervisor', 'agent'];

/**
 * Cognito puts group names in the `cognito:groups` claim. The most powerful staff group wins; a valid token with no
 * staff group belongs to someone who is not staff → 403 (the token is genuine, the role is missing).
 */
export function roleFromGroups(groups: unknown): StaffRole {
  const names = Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
  const role = STAFF_GROUPS.find((group) => names.includes(group));
  if (!role) throw new ForbiddenError('This account is not in a staff group (agent or supervisor).');
  return role;
}

const STAFF_ID_PATTERN = /^[\w.@+-]{1,128}$/;

/** Staff id from verified claims: Cognito access tokens carry `username`; `sub` is the fallback. */
export function identityFromClaims(claims: Record<string, unknown>): StaffIdentity {
  const candidate = typeof claims.username === 'string' ? claims.username : claims.sub;
  if (typeof candidate !== 'string' || !STAFF_ID_PATTERN.test(candidate)) {
    throw new ForbiddenError('This token names no usable staff id.');
  }
  return { staffId: candidate, role: roleFromGroups(claims['cognito:groups']) };
}
