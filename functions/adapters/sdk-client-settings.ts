/*
 * Timeouts and attempts for every SDK client on the request path (deployed and local). The SDK's Node HTTP handler
 * has no request timeout by default: a stalled DynamoDB or SES connection would hold a request until the Lambda
 * itself times out (10 s, infra/app-function.ts) or, locally, forever. Bounded attempts instead: a customer gets a
 * clear 503 service_unavailable within about 6.5 s (3 attempts × 2 s plus backoff), and the mail queue's worker
 * gives up on a hung send and retries it later. 2 s is far above DynamoDB's and SES's normal latency (single-digit
 * to tens of milliseconds), so only a broken connection ever reaches it.
 */
export const SDK_CLIENT_SETTINGS = {
  maxAttempts: 3,
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes and keeps waiting.
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
} as const;
