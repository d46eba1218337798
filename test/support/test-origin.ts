import { fixedOriginGuard, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard';

/* What CloudFront adds to every /api/* request (infra/site.ts), for tests that call the handlers directly. */

export const TEST_ORIGIN_SECRET = 'test-origin-secret-0123456789abcdefghijklmnopqrstuvwxyz';
export const testOriginGuard = fixedOriginGuard([TEST_ORIGIN_SECRET]);
export const CDN_HEADERS: Record<string, string> = { [ORIGIN_VERIFY_HEADER]: TEST_ORIGIN_SECRET };
