import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { VIEWER_IP_HEADER, viewerIpOf } from '../../../functions/http/viewer-ip';

const eventWith = (headers: Record<string, string>, sourceIp = '130.176.0.10') =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as APIGatewayProxyEventV2;

describe('viewerIpOf', () => {
  it('takes the viewer address CloudFront wrote, not the edge address API Gateway saw', () => {
    expect(viewerIpOf(eventWith({ [VIEWER_IP_HEADER]: '203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('falls back to the connection address without a CDN (local stack, tests)', () => {
    expect(viewerIpOf(eventWith({}, '127.0.0.1'))).toBe('127.0.0.1');
    expect(viewerIpOf(eventWith({ [VIEWER_IP_HEADER]: '  ' }, '127.0.0.1'))).toBe('127.0.0.1');
  });
});
