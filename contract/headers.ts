/*
 * The request headers CloudFront adds on /api/* (infra/site.ts) and the API reads (functions/http): one spelling for
 * both sides.
 */

/** Carries the origin secret: only CloudFront may call the API (functions/http/origin-guard.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-portal-origin-verify';

/** The viewer's address, written by a CloudFront Function over anything the client sent (functions/http/viewer-ip.ts). */
export const VIEWER_IP_HEADER = 'x-portal-viewer-ip';
