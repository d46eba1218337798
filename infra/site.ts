import { existsSync, readFileSync } from 'node:fs';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  type HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER, VIEWER_IP_HEADER } from '../contract/headers';
import { sitePageFunctionCodeFor } from './site-page-function';

/*
 * The site concern: the Astro build in a private bucket behind CloudFront (origin access control, no public
 * bucket), `/api/*` to the HTTP API with caching off, and one response headers policy carrying the site's own
 * security headers (site/security-headers.json — the same file the local server sends), so CSP and HSTS cannot
 * drift between `npm start` and production.
 */

export interface PortalSiteProps {
  /** site/security-headers.json: header name → value. */
  securityHeadersPath: string;
  apiDomainName: string;
  /** Sent to the API as x-portal-origin-verify: the API refuses anyone else (functions/http/origin-guard.ts). */
  originVerifyValue?: string;
  /** WAF web ACL ARN (us-east-1, scope CLOUDFRONT). */
  webAclArn: string;
  siteAssetPath: string;
  customDomain?: { domainName: string; certificate: ICertificate };
  /** The staff console: its sign-in settings (served as /staff/config.json) and the hosted UI it talks to. */
  staffConsole: { hostedUiUrl: string; config: StaffConsoleConfig };
}

/** The shape site/src/scripts/staff/staff-session.ts reads from /staff/config.json (docs/staff.md). */
export interface StaffConsoleConfig {
  mode: 'cognito';
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
}

/**
 * Deployed, API Gateway sees CloudFront's address as the source IP; the handlers' per-IP limits need the viewer's.
 * Written on every /api/* request, so a client-supplied value never survives (functions/http/viewer-ip.ts).
 */
const VIEWER_IP = `function handler(event) {
  event.request.headers['${VIEWER_IP_HEADER}'] = { value: event.viewer.ip };
  return event.request;
}`;

export class PortalSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Content', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The build is reproducible from git: nothing in this bucket is data.
      removalPolicy: RemovalPolicy.DESTROY,
      // `cdk destroy` cannot delete a bucket that holds objects: a small CDK-provided function empties it first.
      autoDeleteObjects: true,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public static site build and is read solely by CloudFront through origin access control; request logs would add nothing but the viewer metadata the portal promises not to keep.',
    });
    const headers = readSecurityHeaders(props.securityHeadersPath);
    this.responseHeadersPolicy = securityHeadersPolicy(this, 'SecurityHeaders', headers);
    // The console exchanges its sign-in code at the hosted UI's token endpoint: only /staff/* may connect there.
    const staffHeadersPolicy = securityHeadersPolicy(this, 'StaffSecurityHeaders', {
      ...headers,
      'Content-Security-Policy': allowConnectTo(
        headers['Content-Security-Policy'] ?? '',
        props.staffConsole.hostedUiUrl,
      ),
    });
    // Completes folder URIs and answers pages missing from the build with the 404 page (site-page-function.ts).
    const indexRewrite = new EdgeFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(sitePageFunctionCodeFor(props.siteAssetPath)),
      runtime: FunctionRuntime.JS_2_0,
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const siteBehavior = (responseHeadersPolicy: ResponseHeadersPolicy) => ({
      origin: siteOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      compress: true,
      functionAssociations: [
        { function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST },
        { function: indexRewrite, eventType: FunctionEventType.VIEWER_RESPONSE },
      ],
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Breach-lookup portal',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      minimumProtocolVersion: props.customDomain && SecurityPolicyProtocol.TLS_V1_2_2021,
      domainNames: props.customDomain && [props.customDomain.domainName],
      certificate: props.customDomain?.certificate,
      defaultBehavior: siteBehavior(this.responseHeadersPolicy),
      additionalBehaviors: {
        '/staff/*': siteBehavior(staffHeadersPolicy),
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            readTimeout: Duration.seconds(30),
            customHeaders: props.originVerifyValue ? { [ORIGIN_VERIFY_HEADER]: props.originVerifyValue } : undefined,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Answers are per request and must never be shared between viewers.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Forwards Authorization (staff JWT) and X-Forwarded-For; API Gateway needs its own Host header.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
          functionAssociations: [
            {
              function: new EdgeFunction(this, 'ViewerIp', {
                code: FunctionCode.fromInline(VIEWER_IP),
                runtime: FunctionRuntime.JS_2_0,
              }),
              eventType: FunctionEventType.VIEWER_REQUEST,
            },
          ],
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Affected customers may be abroad (travel, emigration); a geo restriction would lock them out of learning what leaked.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'CloudFront standard logs record viewer IP addresses; DESIGN §2.6 forbids storing them. WAF metrics and API access logs without IPs cover operations.',
      },
      ...(props.customDomain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with siteDomain set, TLSv1.2_2021 applies.',
            },
          ]),
    );

    // The site build when there is one (npm run build), and always the console's sign-in settings.
    const sources = [Source.jsonData('staff/config.json', props.staffConsole.config)];
    if (existsSync(props.siteAssetPath)) sources.unshift(Source.asset(props.siteAssetPath));
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}

/** Adds an origin to the CSP's connect-src (and nothing else). */
export function allowConnectTo(csp: string, origin: string): string {
  if (!/connect-src /.test(csp)) return `${csp}; connect-src 'self' ${origin}`;
  return csp.replace(/connect-src ([^;]*)/, (_all, sources: string) => `connect-src ${sources} ${origin}`);
}

export function readSecurityHeaders(path: string): Record<string, string> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** Maps the header file onto CloudFront's typed security headers; anything else is sent as a custom header. */
function securityHeadersPolicy(scope: Construct, id: string, headers: Record<string, string>): ResponseHeadersPolicy {
  const rest = { ...headers };
  const take = (name: string) => {
    const value = rest[name];
    delete rest[name];
    return value;
  };
  const csp = take('Content-Security-Policy');
  const hsts = take('Strict-Transport-Security');
  const frameOptions = take('X-Frame-Options');
  const referrerPolicy = take('Referrer-Policy');
  const contentTypeOptions = take('X-Content-Type-Options');
  if (!csp || !hsts)
    throw new Error('site/security-headers.json must define Content-Security-Policy and Strict-Transport-Security');
  const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? Number.NaN);
  if (!Number.isFinite(maxAge)) throw new Error('Strict-Transport-Security needs max-age');
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Strict CSP, HSTS and framing rules for the portal (from site/security-headers.json)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(maxAge),
        includeSubdomains: /includeSubDomains/i.test(hsts),
        preload: /preload/i.test(hsts),
        override: true,
      },
      frameOptions: {
        frameOption: frameOptions === 'SAMEORIGIN' ? HeadersFrameOption.SAMEORIGIN : HeadersFrameOption.DENY,
        override: true,
      },
      referrerPolicy: {
        referrerPolicy: (referrerPolicy ?? 'no-referrer') as HeadersReferrerPolicy,
        override: true,
      },
      contentTypeOptions: contentTypeOptions === undefined ? undefined : { override: true },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(rest).map(([header, value]) => ({ header, value, override: true })),
    },
  });
}
