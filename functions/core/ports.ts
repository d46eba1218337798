import type { Locale } from './breach-config';
import type { Field, IdentifierType } from './fields';

/*
 * The small interfaces the core needs from the outside world. Adapters in functions/adapters implement them
 * (dynamodb/, ses/, sqs/, memory/ …); handlers, the CLI and the local stack choose which. Every record here holds
 * keyed hashes, never a plaintext identifier (DESIGN §2). Times are epoch milliseconds unless named `…EpochSeconds`
 * (the DynamoDB TTL attribute's unit).
 */

/** One breach record found under one identifier hash. */
export interface ExposureRecord {
  identifierHash: string;
  breachId: string;
  /** Keyed hash naming the customer record (not an identifier anyone can type in). */
  subjectId: string;
  fields: Field[];
}

export interface ExposureStore {
  /** Every record stored under the identifier hash, across breaches and subjects. */
  findByIdentifier(identifierHash: string): Promise<ExposureRecord[]>;
  /** Idempotent: writing the same record twice leaves one item. */
  putRecords(records: readonly ExposureRecord[]): Promise<void>;
}

export interface TokenRecord {
  tokenHash: string;
  identifierHash: string;
  identifierType: IdentifierType;
  locale: Locale;
  createdAt: number;
  /** Redeemable until then (DynamoDB TTL removes it later; every read checks this itself). */
  expiresAtEpochSeconds: number;
  redeemedAt?: number;
  /** Set at first redemption: the result stays readable until then. */
  readableUntil?: number;
}

export interface TokenStore {
  /** Never overwrites: another record under the same hash is a conflict; the same record again is a retried write and succeeds. */
  create(record: TokenRecord): Promise<void>;
  get(tokenHash: string): Promise<TokenRecord | undefined>;
  /**
   * Conditional first redemption: sets redeemedAt and readableUntil only if not yet redeemed.
   * Returns the stored record after the write, or undefined when another redemption won the race.
   */
  markRedeemed(tokenHash: string, redeemedAt: number, readableUntil: number): Promise<TokenRecord | undefined>;
}

/** The times (epoch ms) of recent uses under one key, for rolling-window limits; `version` guards the rewrite. */
export interface UseLog {
  times: number[];
  /** 0 when nothing is stored yet. */
  version: number;
}

export interface CounterStore {
  /** Atomically adds 1 and returns the new count. The counter disappears after expiresAtEpochSeconds. */
  increment(key: string, expiresAtEpochSeconds: number): Promise<number>;
  get(key: string): Promise<number>;
  /** The stored use log; an expired one reads as no uses (its version is kept, so the next write still guards). */
  readUseLog(key: string): Promise<UseLog>;
  /** Stores `times` with version + 1 only if the stored version is still `expectedVersion`; false if it was not. */
  replaceUseLog(key: string, times: number[], expectedVersion: number, expiresAtEpochSeconds: number): Promise<boolean>;
}

export type StaffRole = 'agent' | 'supervisor';

export interface AuditRecord {
  id: string;
  at: number;
  staffId: string;
  role: StaffRole | 'unknown';
  action: string;
  outcome: 'allowed' | 'refused' | 'error';
  reason?: string;
  ticket?: string;
  /** Keyed hash of the identifier looked up, if any. */
  subjectHash?: string;
  detail?: string;
  expiresAtEpochSeconds: number;
}

export interface AuditQuery {
  from: number;
  to: number;
  staffId?: string;
  limit?: number;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  list(query: AuditQuery): Promise<AuditRecord[]>;
}

export type AssistRequestStatus = 'open' | 'in_progress' | 'done';

export interface AssistRequestRecord {
  id: string;
  createdAt: number;
  status: AssistRequestStatus;
  locale: Locale;
  /** Encrypted callback details (name, phone or customer number, preferred time): see SecretBox. */
  sealedDetails: string;
  note?: string;
  updatedAt?: number;
  updatedBy?: string;
  /** The staff member who claimed the call-back, so two agents do not call one customer. */
  assignee?: string;
  expiresAtEpochSeconds: number;
}

/** `take`: assign to `updatedBy`; `release`: unassign. Both only while the request is free or already theirs. */
export type AssistRequestClaim = 'take' | 'release';

export interface AssistRequestStore {
  create(record: AssistRequestRecord): Promise<void>;
  listByStatus(status: AssistRequestStatus, limit: number): Promise<AssistRequestRecord[]>;
  /** Returns the updated record, or undefined if the id does not exist; a claim on a request someone else holds
   *  throws AssistRequestClaimedError (a conditional write, so of two agents claiming at once one wins). */
  update(
    id: string,
    change: {
      status: AssistRequestStatus;
      note?: string;
      updatedAt: number;
      updatedBy: string;
      claim?: AssistRequestClaim;
    },
  ): Promise<AssistRequestRecord | undefined>;
}

/**
 * The most plaintext `SecretBox.seal` takes, in UTF-8 bytes: KMS Encrypt's limit (4 096 bytes), which every
 * implementation enforces, so the local stack refuses exactly what the deployed key would.
 */
export const SECRET_BOX_MAX_PLAINTEXT_BYTES = 4096;

/** Encrypts new customer-supplied data (KMS deployed; a clearly marked local stand-in locally). */
export interface SecretBox {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export interface EmailMessage {
  to: string;
  from: string;
  /** Where replies go (a support mailbox that is read); absent when the config says replies are not read. */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/**
 * What the sender needs to compose a mail; the token travels only inside the job, never in logs. A job is useless
 * (and a liability: it holds an address and maybe a token) once its token has expired: the sender drops it then.
 */
export type EmailJob = (
  | { kind: 'affected'; to: string; locale: Locale; token: string; recordCount: number }
  | { kind: 'not_found'; to: string; locale: Locale }
) & { expiresAtEpochSeconds?: number };

/**
 * An answer by text message (DESIGN §9), on the same queue as mail: `channel` tells the sender which one. `to` is the
 * E.164 number; like an email job, the token travels only inside the job.
 */
export type SmsJob = (
  | { channel: 'sms'; kind: 'affected'; to: string; locale: Locale; token: string }
  | { channel: 'sms'; kind: 'not_found'; to: string; locale: Locale }
) & { expiresAtEpochSeconds?: number };

/** Everything the one outgoing-message queue carries: mail jobs (no `channel`, as before) and SMS jobs. */
export type OutgoingJob = EmailJob | SmsJob;

export interface EmailQueue {
  enqueue(job: OutgoingJob): Promise<void>;
}

export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
}

/** Sends one text (End User Messaging SMS deployed, the local SMS outbox emulator locally). */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What the code needs of a logger (Powertools' Logger fits). Never pass identifiers, tokens, emails or IPs. */
export interface AppLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown> | Error): void;
}

export interface StaffIdentity {
  staffId: string;
  role: StaffRole;
}

/** Verifies a staff bearer token (Cognito deployed, the local issuer locally); rejects with UnauthorizedError. */
export interface StaffTokenVerifier {
  verify(bearerToken: string): Promise<StaffIdentity>;
}
