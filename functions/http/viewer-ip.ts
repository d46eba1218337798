import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { VIEWER_IP_HEADER } from '../../contract/headers';

/*
 * The caller's IP for per-IP rate limits. Deployed, API Gateway sees CloudFront's edge address as sourceIp — one
 * address for thousands of viewers — so a CloudFront Function on /api/* writes the viewer's address into this
 * header, overwriting anything the client sent (infra/site.ts). Locally and in tests there is no CDN: sourceIp is
 * the caller. Hash it before storing; never log it.
 */

export { VIEWER_IP_HEADER };

export function viewerIpOf(event: APIGatewayProxyEventV2): string {
  const fromCdn = event.headers?.[VIEWER_IP_HEADER]?.trim();
  if (fromCdn) return fromCdn;
  return event.requestContext?.http?.sourceIp ?? '0.0.0.0';
}
