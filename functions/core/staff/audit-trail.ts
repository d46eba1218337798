import { randomUUID } from 'node:crypto';
import type { BreachConfig } from '../breach-config';
import { ServiceUnavailableError } from '../errors';
import type { AuditLog, AuditRecord, Clock, StaffIdentity } from '../ports';
import type { StaffAction } from './staff-roles';

/*
 * The audit-before-answer rule. Every staff call, allowed or refused, gets exactly one audit record, written before
 * the response leaves. If the write fails the call fails with 503 and answers nothing: an unaudited look-up must not
 * happen. The record holds the keyed hash of the subject, never the identifier typed in.
 */

export interface AuditTrailDependencies {
  audit: AuditLog;
  clock: Clock;
  config: Pick<BreachConfig, 'retention'>;
}

export interface AuditEntry {
  outcome: AuditRecord['outcome'];
  reason?: string;
  ticket?: string;
  subjectHash?: string;
  detail?: string;
}

const DAY_SECONDS = 24 * 60 * 60;

export class AuditLogUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('The audit log cannot be written right now, so nothing is answered. Please try again in a minute.');
  }
}

/** One staff call's audit: created by the staff-auth middleware, completed by the use case or the error path. */
export class StaffCallAudit {
  private identity: StaffIdentity | undefined;
  private attempted = false;

  constructor(
    private readonly dependencies: AuditTrailDependencies,
    readonly action: StaffAction,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Set once the token is verified; until then the record says who as "unknown". */
  identify(identity: StaffIdentity): void {
    this.identity = identity;
  }

  get staff(): StaffIdentity | undefined {
    return this.identity;
  }

  /** True once a record was written (or its write was tried and failed): a call is never audited twice. */
  get isRecorded(): boolean {
    return this.attempted;
  }

  /** Writes the call's one audit record; throws AuditLogUnavailableError when it cannot, so the caller answers 503. */
  async record(entry: AuditEntry): Promise<void> {
    if (this.attempted) throw new Error(`The ${this.action} call was already audited`);
    this.attempted = true;
    const at = this.dependencies.clock.now();
    const record: AuditRecord = {
      id: this.newId(),
      at,
      staffId: this.identity?.staffId ?? 'unknown',
      role: this.identity?.role ?? 'unknown',
      action: this.action,
      outcome: entry.outcome,
      expiresAtEpochSeconds: Math.floor(at / 1000) + this.dependencies.config.retention.auditDays * DAY_SECONDS,
      ...definedOnly({
        reason: entry.reason,
        ticket: entry.ticket,
        subjectHash: entry.subjectHash,
        detail: entry.detail,
      }),
    };
    try {
      await this.dependencies.audit.append(record);
    } catch {
      throw new AuditLogUnavailableError();
    }
  }
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}
