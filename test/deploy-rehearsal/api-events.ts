import { randomUUID } from 'node:crypto';
import type { Message } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, SQSEvent } from 'aws-lambda';

/*
 * The events AWS hands the functions: API Gateway HTTP API (payload 2.0) requests as CloudFront forwards them
 * (with the viewer-IP header its function adds), and the SQS batch the event source mapping builds from a
 * ReceiveMessage answer.
 */

/** The customer's address as CloudFront's viewer-request function passes it on (documentation range). */
export const VIEWER_IP = '198.51.100.23';

export interface ApiCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** The route's path template (routeKey) and the concrete path. */
  routePath: string;
  path?: string;
  body?: unknown;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  bearer?: string;
  /** Headers CloudFront adds on its way to the origin (the origin-verify header). */
  originHeaders?: Record<string, string>;
}

export function apiEvent(call: ApiCall): APIGatewayProxyEventV2 {
  const path = call.path ?? call.routePath;
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: `${call.method} ${call.routePath}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: {
      'content-type': 'application/json',
      'x-portal-viewer-ip': VIEWER_IP,
      ...call.originHeaders,
      ...(call.bearer ? { authorization: `Bearer ${call.bearer}` } : {}),
    },
    ...(call.query ? { queryStringParameters: call.query } : {}),
    ...(call.pathParameters ? { pathParameters: call.pathParameters } : {}),
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'rehearsal',
      domainName: 'rehearsal.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'rehearsal',
      http: {
        method: call.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.0.1',
        userAgent: 'Amazon CloudFront',
      },
      requestId,
      routeKey: `${call.method} ${call.routePath}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  } as APIGatewayProxyEventV2;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function answerOf(result: APIGatewayProxyStructuredResultV2): ApiAnswer {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(result.body ?? '{}');
  } catch {
    body = { unparsed: true };
  }
  return { status: result.statusCode ?? 0, body };
}

export function sqsEvent(messages: Message[], queueArn: string, region: string): SQSEvent {
  return {
    Records: messages.map((message) => ({
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
        SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
        SenderId: message.Attributes?.SenderId ?? 'AROAREHEARSAL',
        ApproximateFirstReceiveTimestamp: message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: region,
    })),
  };
}
