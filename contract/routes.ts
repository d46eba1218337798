import type { TableKey } from './tables';

/*
 * Every entry point of the portal, in one table (see docs/entrypoints.md). The CDK api construct creates one Lambda
 * per row; the local stack (npm start) mounts the same handler modules on the same paths. Pure data: it imports
 * neither infra/ nor functions/, so both may read it.
 */

/**
 * The DynamoDB calls a function makes on one table, by their API names (IAM's `dynamodb:<call>`), and nothing more:
 * the deploy rehearsal (docs/rehearsal.md) records every call each deployed function makes and fails on any call
 * not listed here and on any listed call that no code path makes. `QueryIndexes` is a Query on the table's
 * secondary indexes (the staff queue reads assist requests by status), not on the table itself.
 */
export type TableCall = 'GetItem' | 'PutItem' | 'UpdateItem' | 'Query' | 'QueryIndexes';

/** The ids of the HTTP routes: a registry keyed by them (functions/local/mount-routes.ts) must name every one. */
export type RouteId =
  | 'CreateCheck'
  | 'RedeemResult'
  | 'CreateAssistRequest'
  | 'StaffLookup'
  | 'StaffConfirmation'
  | 'StaffListAssistRequests'
  | 'StaffUpdateAssistRequest'
  | 'StaffAudit'
  | 'StaffMetrics';

export interface RouteDefinition {
  /** Stable id: Lambda construct id and log name. */
  id: RouteId;
  method: 'GET' | 'POST' | 'PATCH';
  /** API Gateway HTTP API path syntax ({id} for path parameters). */
  path: string;
  /**
   * Handler module, relative to the project root. Every handler module has the same shape
   * (functions/wiring/deployed.ts): `handler`, the Lambda entry, and `create`, the factory the local stack calls.
   */
  entry: string;
  access: 'public' | 'staff';
  /** Least privilege, spelled out: what each function may do, and nothing else. */
  grants: {
    tables?: Partial<Record<TableKey, readonly TableCall[]>>;
    pepper?: boolean;
    emailQueue?: boolean;
    kms?: 'encrypt' | 'decrypt';
  };
}

export const ROUTES: readonly RouteDefinition[] = [
  {
    id: 'CreateCheck',
    method: 'POST',
    path: '/api/v1/checks',
    entry: 'functions/handlers/create-check.ts',
    access: 'public',
    // tokens GetItem: a token write whose answer was lost is retried by the SDK, and the retry reads its own item.
    // counters GetItem/PutItem: the per-mailbox rolling window's use-log (read, then replaced conditionally).
    grants: {
      tables: { exposures: ['Query'], tokens: ['PutItem', 'GetItem'], counters: ['UpdateItem', 'GetItem', 'PutItem'] },
      pepper: true,
      emailQueue: true,
    },
  },
  {
    id: 'RedeemResult',
    method: 'POST',
    path: '/api/v1/results',
    entry: 'functions/handlers/redeem-result.ts',
    access: 'public',
    // pepper: the per-IP limit keys its counter with an HMAC of the IP, never the IP itself.
    grants: {
      tables: { exposures: ['Query'], tokens: ['GetItem', 'UpdateItem'], counters: ['UpdateItem'] },
      pepper: true,
    },
  },
  {
    id: 'CreateAssistRequest',
    method: 'POST',
    path: '/api/v1/assist-requests',
    entry: 'functions/handlers/create-assist-request.ts',
    access: 'public',
    // pepper: the per-IP limit keys its counter with an HMAC of the IP, never the IP itself.
    grants: { tables: { assistRequests: ['PutItem'], counters: ['UpdateItem'] }, kms: 'encrypt', pepper: true },
  },
  {
    id: 'StaffLookup',
    method: 'POST',
    path: '/api/v1/staff/lookups',
    entry: 'functions/handlers/staff-lookup.ts',
    access: 'staff',
    grants: { tables: { exposures: ['Query'], counters: ['UpdateItem'], audit: ['PutItem'] }, pepper: true },
  },
  {
    id: 'StaffConfirmation',
    method: 'POST',
    path: '/api/v1/staff/confirmations',
    entry: 'functions/handlers/staff-confirmation.ts',
    access: 'staff',
    grants: {
      tables: {
        exposures: ['Query'],
        tokens: ['PutItem', 'GetItem'],
        counters: ['UpdateItem', 'GetItem', 'PutItem'],
        audit: ['PutItem'],
      },
      pepper: true,
      emailQueue: true,
    },
  },
  {
    id: 'StaffListAssistRequests',
    method: 'GET',
    path: '/api/v1/staff/assist-requests',
    entry: 'functions/handlers/staff-list-assist-requests.ts',
    access: 'staff',
    // counters: each agent's queue reads are counted (every page shown is opened and is someone's name and number).
    grants: {
      tables: { assistRequests: ['QueryIndexes'], counters: ['UpdateItem'], audit: ['PutItem'] },
      kms: 'decrypt',
    },
  },
  {
    id: 'StaffUpdateAssistRequest',
    method: 'PATCH',
    path: '/api/v1/staff/assist-requests/{id}',
    entry: 'functions/handlers/staff-update-assist-request.ts',
    access: 'staff',
    // assistRequests GetItem: a refused claim reads the item to tell "claimed by someone else" from "not found".
    grants: { tables: { assistRequests: ['UpdateItem', 'GetItem'], audit: ['PutItem'] } },
  },
  {
    id: 'StaffAudit',
    method: 'GET',
    path: '/api/v1/staff/audit',
    entry: 'functions/handlers/staff-audit.ts',
    access: 'staff',
    // The audit log is append-only for everyone: even its reader has no UpdateItem or DeleteItem.
    grants: { tables: { audit: ['Query', 'PutItem'] } },
  },
  {
    id: 'StaffMetrics',
    method: 'GET',
    path: '/api/v1/staff/metrics',
    entry: 'functions/handlers/staff-metrics.ts',
    access: 'staff',
    grants: { tables: { counters: ['GetItem'], audit: ['PutItem'] } },
  },
];

/** Not HTTP: the queue consumer that sends the confirmation emails within the SES send rate. */
export const EMAIL_SENDER = {
  id: 'SendEmail',
  entry: 'functions/handlers/send-email.ts',
} as const;
