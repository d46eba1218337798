/*
 * Every entry point of the portal, in one table (see docs/entrypoints.md). The CDK api construct creates one Lambda
 * per row; the local stack (npm start) mounts the same handler factories on the same paths. Pure data: no CDK import.
 */

/**
 * `append` is PutItem only (an audit writer can neither change nor delete a record); `queryAndAppend` adds Query
 * for the supervisor's audit reader, which also records its own read. The others map to the CDK grants.
 */
export type TableAccess = 'read' | 'write' | 'readWrite' | 'append' | 'queryAndAppend';

export interface RouteDefinition {
  /** Stable id: Lambda construct id and log name. */
  id: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** API Gateway HTTP API path syntax ({id} for path parameters). */
  path: string;
  /** Handler file, relative to the project root; it exports `handler` and the named factory. */
  entry: string;
  /** Factory taking Pick<PortalDependencies, …>; the local stack calls it with local adapters. */
  factory: string;
  access: 'public' | 'staff';
  /** Least privilege, spelled out: what each function may do, and nothing else. */
  grants: {
    tables?: Partial<Record<'exposures' | 'tokens' | 'counters' | 'audit' | 'assistRequests', TableAccess>>;
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
    factory: 'createCheckHandler',
    access: 'public',
    grants: { tables: { exposures: 'read', tokens: 'write', counters: 'readWrite' }, pepper: true, emailQueue: true },
  },
  {
    id: 'RedeemResult',
    method: 'POST',
    path: '/api/v1/results',
    entry: 'functions/handlers/redeem-result.ts',
    factory: 'createRedeemResultHandler',
    access: 'public',
    // pepper: the per-IP limit keys its counter with an HMAC of the IP, never the IP itself.
    grants: { tables: { exposures: 'read', tokens: 'readWrite', counters: 'readWrite' }, pepper: true },
  },
  {
    id: 'CreateAssistRequest',
    method: 'POST',
    path: '/api/v1/assist-requests',
    entry: 'functions/handlers/create-assist-request.ts',
    factory: 'createAssistRequestHandler',
    access: 'public',
    // pepper: the per-IP limit keys its counter with an HMAC of the IP, never the IP itself.
    grants: { tables: { assistRequests: 'write', counters: 'readWrite' }, kms: 'encrypt', pepper: true },
  },
  {
    id: 'StaffLookup',
    method: 'POST',
    path: '/api/v1/staff/lookups',
    entry: 'functions/handlers/staff-lookup.ts',
    factory: 'createStaffLookupHandler',
    access: 'staff',
    grants: { tables: { exposures: 'read', counters: 'readWrite', audit: 'append' }, pepper: true },
  },
  {
    id: 'StaffConfirmation',
    method: 'POST',
    path: '/api/v1/staff/confirmations',
    entry: 'functions/handlers/staff-confirmation.ts',
    factory: 'createStaffConfirmationHandler',
    access: 'staff',
    grants: {
      tables: { exposures: 'read', tokens: 'write', counters: 'readWrite', audit: 'append' },
      pepper: true,
      emailQueue: true,
    },
  },
  {
    id: 'StaffListAssistRequests',
    method: 'GET',
    path: '/api/v1/staff/assist-requests',
    entry: 'functions/handlers/staff-list-assist-requests.ts',
    factory: 'createStaffListAssistRequestsHandler',
    access: 'staff',
    grants: { tables: { assistRequests: 'read', counters: 'readWrite', audit: 'append' }, kms: 'decrypt' },
  },
  {
    id: 'StaffUpdateAssistRequest',
    method: 'PATCH',
    path: '/api/v1/staff/assist-requests/{id}',
    entry: 'functions/handlers/staff-update-assist-request.ts',
    factory: 'createStaffUpdateAssistRequestHandler',
    access: 'staff',
    grants: { tables: { assistRequests: 'readWrite', counters: 'readWrite', audit: 'append' } },
  },
  {
    id: 'StaffAudit',
    method: 'GET',
    path: '/api/v1/staff/audit',
    entry: 'functions/handlers/staff-audit.ts',
    factory: 'createStaffAuditHandler',
    access: 'staff',
    grants: { tables: { audit: 'queryAndAppend' } },
  },
  {
    id: 'StaffMetrics',
    method: 'GET',
    path: '/api/v1/staff/metrics',
    entry: 'functions/handlers/staff-metrics.ts',
    factory: 'createStaffMetricsHandler',
    access: 'staff',
    grants: { tables: { counters: 'read', audit: 'append' } },
  },
];

/** Not HTTP: the queue consumer that sends the confirmation emails within the SES send rate. */
export const EMAIL_SENDER = {
  id: 'SendEmail',
  entry: 'functions/handlers/send-email.ts',
  factory: 'createSendEmailHandler',
} as const;
