import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LocalDevSecretBox } from '../../functions/adapters/kms/local-dev-secret-box';
import {
  ASSIST_MESSAGE_MAX_LENGTH,
  ASSIST_NAME_MAX_LENGTH,
  ASSIST_PREFERRED_TIME_MAX_LENGTH,
} from '../../functions/core/check/api-schemas';
import { SECRET_BOX_MAX_PLAINTEXT_BYTES } from '../../functions/core/ports';
import { createAssistRequestHandler } from '../../functions/handlers/create-assist-request';
import { senderConcurrency } from '../../infra/email';
import { invoke, jsonEvent } from '../unit/check/api-gateway-event';
import { createCheckFixture } from '../unit/check/check-fixture';
import { logicalId, type SynthesizedPortal, synthPortal } from './synth-portal';

/*
 * The deploy-breakers found by reading the template (issue 11): each test names what failed or would fail on a real
 * account, so a regression shows here rather than in a first deploy. Synthesized without bundling (only resource
 * properties are read), with a small site build so the CDN's page function has pages to know.
 */

const SITE_FILES = ['index.html', '404.html', 'nl/index.html', 'nl/result/index.html', 'en/index.html', '_astro/a.js'];

let portal: SynthesizedPortal;
let siteDir: string;

beforeAll(async () => {
  siteDir = await mkdtemp(join(tmpdir(), 'breakers-site-'));
  for (const file of SITE_FILES) {
    await mkdir(dirname(join(siteDir, file)), { recursive: true });
    await writeFile(join(siteDir, file), `<!doctype html><title>${file}</title>`);
  }
  portal = synthPortal({ 'aws:cdk:bundling-stacks': [], siteAssetPath: siteDir, alarmEmail: 'ops@example.nl' });
}, 120_000);
afterAll(() => rm(siteDir, { recursive: true, force: true }));

const resources = (type: string) => Object.values(portal.portalTemplate.findResources(type));

describe('sender concurrency: bounded without reserving any (a new account has a quota of 10, all unreserved)', () => {
  it('reserves concurrency for no function', () => {
    for (const fn of resources('AWS::Lambda::Function'))
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('bounds the sender with the SQS event source’s maximum concurrency, from the SES send rate', () => {
    const senderId = logicalId(portal.portal.email.sender.function);
    const mapping = resources('AWS::Lambda::EventSourceMapping').find(
      (m) => m.Properties.FunctionName.Ref === senderId,
    );
    expect(mapping?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: senderConcurrency(14) });
    expect([5, 14, 100, 50_000].map(senderConcurrency)).toEqual([2, 2, 10, 1000]);
  });
});

describe('alarm topic: CloudWatch may publish (a topic policy replaces SNS’s default one)', () => {
  it('allows cloudwatch.amazonaws.com to publish for this account’s alarms, beside the TLS-only deny', () => {
    const topicId = logicalId(portal.portal.observability.alarmTopic);
    const policy = resources('AWS::SNS::TopicPolicy').find((p) =>
      p.Properties.Topics.some((t: { Ref: string }) => t.Ref === topicId),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as Record<string, unknown>[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allow = statements.find((s) => s.Effect === 'Allow');
    expect(allow).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(JSON.stringify((allow?.Condition as Record<string, unknown> | undefined)?.ArnLike)).toMatch(
      /:cloudwatch:.*:alarm:\*/,
    );
    for (const alarm of resources('AWS::CloudWatch::Alarm'))
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });
});

describe('CDN: a missing page is the site’s 404 page with status 404, and the API’s own errors pass untouched', () => {
  type PageEvent = { context: { eventType: string }; request: { uri: string }; response?: { statusCode: number } };
  let pageFunction: (event: PageEvent) => { uri?: string; statusCode?: number };
  type Behavior = { PathPattern?: string; FunctionAssociations: { EventType: string }[] };
  let config: { DefaultCacheBehavior: Behavior; CacheBehaviors: Behavior[]; CustomErrorResponses?: unknown };

  beforeAll(() => {
    config = resources('AWS::CloudFront::Distribution')[0]?.Properties.DistributionConfig;
    const fn = resources('AWS::CloudFront::Function').find((f) => String(f.Properties.FunctionCode).includes('PAGES'));
    pageFunction = new Function(`${fn?.Properties.FunctionCode}\nreturn handler;`)();
  });
  const viewerRequest = (uri: string) =>
    pageFunction({ context: { eventType: 'viewer-request' }, request: { uri } }).uri;
  const viewerResponse = (uri: string, statusCode = 200) =>
    pageFunction({ context: { eventType: 'viewer-response' }, request: { uri }, response: { statusCode } }).statusCode;

  it('uses no distribution-wide error responses, which would turn the API’s 404/403 JSON into an HTML page', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(JSON.stringify(api?.FunctionAssociations)).not.toContain('viewer-response');
  });

  it('runs the page function on page loads and their responses, for the site and the staff console', () => {
    const site = [config.DefaultCacheBehavior, ...config.CacheBehaviors.filter((b) => b.PathPattern !== '/api/*')];
    for (const behavior of site)
      expect(behavior.FunctionAssociations.map((a) => a.EventType).sort()).toEqual([
        'viewer-request',
        'viewer-response',
      ]);
  });

  it('serves a page that is not in the build as /404.html with status 404', () => {
    for (const uri of ['/nl/does-not-exist', '/nl/does-not-exist/', '/en/result', '/nl/result.html']) {
      expect({ uri, rewritten: viewerRequest(uri), status: viewerResponse(uri) }).toEqual({
        uri,
        rewritten: '/404.html',
        status: 404,
      });
    }
    // Whichever request CloudFront hands the response function, the original or the rewritten one.
    expect(viewerResponse('/404.html')).toBe(404);
  });

  it('serves the pages of the build as before (folder URIs completed) and leaves assets to S3', () => {
    expect(['/', '/nl/', '/nl', '/nl/result', '/_astro/a.js'].map(viewerRequest)).toEqual([
      '/index.html',
      '/nl/index.html',
      '/nl/index.html',
      '/nl/result/index.html',
      '/_astro/a.js',
    ]);
    expect(['/nl/', '/nl/result', '/_astro/a.js'].map((uri) => viewerResponse(uri))).toEqual([200, 200, 200]);
  });
});

describe('assist requests: KMS Encrypt takes 4 096 bytes of plaintext', () => {
  it('encrypts with a symmetric key directly, and the largest valid request seals within the limit', async () => {
    const keyId = logicalId(portal.portal.data.assistRequestKey);
    expect(portal.portalTemplate.toJSON().Resources[keyId].Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe(
      'SYMMETRIC_DEFAULT',
    );
    const sealed: number[] = [];
    const box = new LocalDevSecretBox(new Uint8Array(32).fill(1));
    const secretBox = {
      seal: (text: string) => {
        sealed.push(Buffer.byteLength(text));
        return box.seal(text);
      },
      open: (text: string) => box.open(text),
    };
    const handler = createAssistRequestHandler({ ...createCheckFixture().deps, secretBox });
    // 4-byte characters in every free-text field, each at its limit: the most bytes the schema lets through.
    const body = {
      name: '😀'.repeat(ASSIST_NAME_MAX_LENGTH),
      customerNumber: '123456789',
      preferredTime: '😀'.repeat(ASSIST_PREFERRED_TIME_MAX_LENGTH),
      message: '😀'.repeat(ASSIST_MESSAGE_MAX_LENGTH),
    };
    const response = await invoke(handler, jsonEvent(body, { path: '/api/v1/assist-requests' }));
    expect(response.status).toBe(202);
    expect(sealed[0]).toBeLessThanOrEqual(SECRET_BOX_MAX_PLAINTEXT_BYTES);
  });
});

describe('WAF: a flood from one address is challenged on pages (carrier-grade NAT) and blocked only on the API', () => {
  type ScopeDown = { NotStatement?: unknown; ByteMatchStatement?: { SearchString: string } };
  type RateBased = { EvaluationWindowSec: number; ScopeDownStatement?: ScopeDown };
  type Rule = { Name: string; Action: Record<string, unknown>; Statement: { RateBasedStatement?: RateBased } };
  const rules = () =>
    Object.values(portal.edgeTemplate.findResources('AWS::WAFv2::WebACL'))[0]?.Properties.Rules as Rule[];
  const floodRules = () => rules().filter((rule) => rule.Statement.RateBasedStatement?.EvaluationWindowSec === 300);

  it('challenges, never blocks, page loads over the flood limit', () => {
    const pages = floodRules().find((rule) => rule.Statement.RateBasedStatement?.ScopeDownStatement?.NotStatement);
    expect(pages?.Action).toEqual({ Challenge: {} });
    expect(JSON.stringify(pages?.Statement)).toContain('"SearchString":"/api/"');
  });

  it('blocks only requests under /api/: every rate-based block rule is scoped to the API', () => {
    const blocking = rules().filter((rule) => rule.Statement.RateBasedStatement && 'Block' in rule.Action);
    expect(blocking.length).toBeGreaterThanOrEqual(1);
    for (const rule of blocking) {
      const scope = rule.Statement.RateBasedStatement?.ScopeDownStatement;
      expect({ rule: rule.Name, path: scope?.ByteMatchStatement?.SearchString }).toEqual({
        rule: rule.Name,
        path: expect.stringMatching(/^\/api\//),
      });
    }
  });
});
