import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Stack } from 'aws-cdk-lib';
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

const INVOKE = `
const { handler } = await import(process.argv[2] + '/index.mjs');
const event = {
  version: '2.0', routeKey: 'POST /api/v1/checks', rawPath: '/api/v1/checks', rawQueryString: '',
  headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not-an-address' }),
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

  it('runs on Node 24 as ESM and answers an invalid email with 400 invalid_email', () => {
    const result = spawnSync(resolve(PROJECT_ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-', bundleDir], {
      input: INVOKE,
      encoding: 'utf8',
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
      },
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect({ status: result.status, stderr: result.stderr, found: line !== undefined }).toEqual({
      status: 0,
      stderr: '',
      found: true,
    });
    const response = JSON.parse((line ?? '').slice('RESULT '.length));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('invalid_email');
  });
});
