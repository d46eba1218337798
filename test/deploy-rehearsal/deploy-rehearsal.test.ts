import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROUTES } from '../../contract/routes';
import type { RehearsalReport } from './rehearse';

/*
 * The deploy rehearsal (docs/rehearsal.md) as part of `npm test`: what `cdk deploy` would upload, run with the
 * template's own environment on emulators, must serve every route, and its IAM must name exactly the calls made.
 * It runs as `npm run rehearse` does, in its own Node 24 process (fauxqs and the CDK app are ESM; jest is not),
 * with this suite's breach config (closing date far ahead); the report comes back as JSON.
 */

const REPORT_MARKER = 'REHEARSAL_REPORT ';
let report: RehearsalReport;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    resolve('node_modules/.bin/tsx'),
    ['test/deploy-rehearsal/run-rehearsal.ts', '--json'],
    { env: { ...process.env, PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}` }, maxBuffer: 10_000_000 },
  ).catch((error: { stdout?: string; message: string }) => ({ stdout: error.stdout ?? error.message }));
  const line = stdout.split('\n').find((l) => l.startsWith(REPORT_MARKER));
  if (!line) throw new Error(`the rehearsal printed no report: ${stdout.trim().split('\n').pop()}`);
  report = JSON.parse(line.slice(REPORT_MARKER.length));
}, 240_000);

it('walks every route and the sender through the synthesized bundles without a failed step', () => {
  expect(report.steps.filter((step) => !step.ok).map((step) => `${step.step}: ${step.detail}`)).toEqual([]);
  expect(report.steps.length).toBeGreaterThanOrEqual(ROUTES.length + 1);
});

it('sees every function make AWS calls, each of them granted by its synthesized policy', () => {
  expect(report.iam.map((row) => row.functionId).sort()).toEqual([...ROUTES.map((r) => r.id), 'SendEmail'].sort());
  for (const row of report.iam) {
    expect({ fn: row.functionId, called: row.calls.length > 0, missing: row.missing }).toEqual({
      fn: row.functionId,
      called: true,
      missing: [],
    });
  }
});

it('finds no grant that no code path calls, outside the reasoned allow-list', () => {
  expect(report.iam.flatMap((row) => row.unused.map((grant) => `${row.functionId} ${grant}`))).toEqual([]);
});

it("texts through the sender's one SMS grant: SendTextMessage on the synthesized configuration set and sender id", () => {
  const sender = report.iam.find((row) => row.functionId === 'SendEmail');
  const smsCalls = sender?.calls.filter((call) => call.startsWith('sms-voice:')) ?? [];
  expect(smsCalls.map((call) => call.replace(/[0-9A-F]{8}$/, ''))).toEqual([
    'sms-voice:SendTextMessage SmsConfigurationSet',
    'sms-voice:SendTextMessage SmsSenderIdNL',
  ]);
  for (const row of report.iam.filter((r) => r.functionId !== 'SendEmail')) {
    expect({ fn: row.functionId, sms: row.granted.filter((grant) => grant.startsWith('sms-voice:')) }).toEqual({
      fn: row.functionId,
      sms: [],
    });
  }
});

it('walks the phone checks, the staff text and a request that did not come through CloudFront', () => {
  const names = report.steps.map((step) => step.step).join('\n');
  for (const expected of ['phone hit', 'text link', 'phone miss', 'StaffConfirmation by phone', 'origin header']) {
    expect(names).toContain(expected);
  }
});
