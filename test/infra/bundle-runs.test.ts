import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard';
import { PROJECT_ROOT, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The deployed artefact itself, not the TypeScript: the check function's bundle exactly as `cdk synth` wrote it
 * (ESM, minified, require banner, config copied in) is imported by Node 24 and answers a bad request the way the
 * API promises — so a bundling option that breaks middy, zod or the config copy fails here, not in production.
 * The bundle is copied under the project so `@aws-sdk/*` (external, as on Lambda) resolves from node_modules.
 */

let portal: SynthesizedPortal;
let bundleDir: string;

beforeAll(() => {
  portal = synthPortal({ stage: 'bundle' });
  const fn = portal.portal.api.functions.CreateCheck?.function;
  if (!fn) throw new Error('no CreateCheck function');
  const resource = portal.portalTemplate.toJSON().Resources[Stack.of(fn).getLogicalId(fn.node.defaultChild as never)];
  const assetPath = resource.Metadata['aws:asset:path'] as string;
  mkdirSync(join(PROJECT_ROOT, '.bench'), { recursive: true });
  bundleDir = mkdtempSync(join(PROJECT_ROOT, '.bench', 'bundle-runs-'));
  cpSync(join(portal.app.outdir, assetPath), bundleDir, { recursive: true });
}, 120_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

const ORIGIN_SECRET = 'origin-secret-as-cloudfront-sends-it';

/**
 * A Secrets Manager stand-in speaking the JSON wire protocol (X-Amz-Target: secretsmanager.GetSecretValue), so the
 * bundle's real SDK client fetches the origin secret: AWSCURRENT exists, AWSPREVIOUS does not before a rotation.
 */
function startSecretsManagerStandIn(): Promise<{ server: Server; endpoint: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { SecretId, VersionStage } = JSON.parse(body) as { SecretId: string; VersionStage?: string };
      calls.push(`${request.headers['x-amz-target']} ${VersionStage}`);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (VersionStage === 'AWSPREVIOUS') {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no AWSPREVIOUS version' }));
        return;
      }
      response.end(JSON.stringify({ ARN: SecretId, Name: 'origin', SecretString: ORIGIN_SECRET, VersionId: 'v1' }));
    });
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls }),
    ),
  );
}

const INVOKE = `
const { handler } = await import(process.argv[2] + '/index.mjs');
const headers = { 'content-type': 'application/json' };
if (process.argv[3]) headers['${ORIGIN_VERIFY_HEADER}'] = process.argv[3];
const event = {
  version: '2.0', routeKey: 'POST /api/v1/checks', rawPath: '/api/v1/checks', rawQueryString: '',
  headers, body: JSON.stringify({ email: 'not-an-address' }),
  isBase64Encoded: false,
  requestContext: { http: { method: 'POST', path: '/api/v1/checks', sourceIp: '203.0.113.9' }, requestId: 'r1' },
};
const context = { functionName: 'CreateCheck', awsRequestId: 'r1', getRemainingTimeInMillis: () => 5000 };
const response = await handler(event, context);
process.stdout.write('\\nRESULT ' + JSON.stringify(response) + '\\n');
`;

describe('the synthesized check bundle', () => {
  it('carries the breach config it was synthesized with', () => {
    const config = require(join(bundleDir, 'breach.json')) as { id: string };
    expect(config.id).toBe(portal.settings.breachConfig.id);
  });

  async function runBundle(originHeader: string | undefined, secretsEndpoint: string) {
    const child = spawn(
      resolve(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['--input-type=module', '-', bundleDir, ...(originHeader ? [originHeader] : [])],
      {
        env: {
          PATH: process.env.PATH,
          BREACH_CONFIG: join(bundleDir, 'breach.json'),
          TABLE_NAMES: JSON.stringify({ exposures: 'e', tokens: 't', counters: 'c' }),
          EMAIL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/q',
          PEPPER_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:p',
          PORTAL_ORIGIN: 'https://portal.example.nl',
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          POWERTOOLS_SERVICE_NAME: 'breach-portal',
          POWERTOOLS_METRICS_NAMESPACE: 'BreachPortal',
          ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:origin',
          AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsEndpoint,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(INVOKE);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect({ status, stderr, found: line !== undefined }).toEqual({ status: 0, stderr: '', found: true });
    const response = JSON.parse((line ?? '').slice('RESULT '.length));
    return { status: response.statusCode as number, code: JSON.parse(response.body).error.code as string };
  }

  it('runs on Node 24 as ESM and, called with the origin secret, answers an invalid email with 400', async () => {
    const standIn = await startSecretsManagerStandIn();
    try {
      expect(await runBundle(ORIGIN_SECRET, standIn.endpoint)).toEqual({ status: 400, code: 'invalid_email' });
      expect(standIn.calls.sort()).toEqual([
        'secretsmanager.GetSecretValue AWSCURRENT',
        'secretsmanager.GetSecretValue AWSPREVIOUS',
      ]);
    } finally {
      standIn.server.close();
    }
  });

  it('answers a direct call without the origin header with 403 forbidden_origin, before any AWS call', async () => {
    const standIn = await startSecretsManagerStandIn();
    try {
      expect(await runBundle(undefined, standIn.endpoint)).toEqual({ status: 403, code: 'forbidden_origin' });
      expect(standIn.calls).toEqual([]);
    } finally {
      standIn.server.close();
    }
  });
});
