import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/*
 * The protection concern: the WAF web ACL in front of CloudFront (scope CLOUDFRONT, so it must be created in
 * us-east-1 — see edge-stack.ts). AWS managed rule groups catch the generic attacks; rate rules slow down people
 * enumerating addresses. The check endpoint gets a silent browser challenge first and a block only far above
 * it, because mobile customers share carrier-grade NAT addresses: one IP can be thousands of honest people.
 * Once an address is over the challenge limit, its page loads get the challenge interstitial (the browser solves
 * it and keeps a token cookie for 5 minutes) and its check requests pass only with that token.
 */

export interface PortalProtectionProps {
  /** Requests per IP per minute to POST /api/v1/checks before the challenge (the app's own limit is finer). */
  checksPerIpPerMinute: number;
}

/** WAF's smallest allowed rate limit. */
const WAF_MIN_RATE_LIMIT = 10;
const CHECK_PATH = '/api/v1/checks';
const API_PATH_PREFIX = '/api/';
const FLOOD_LIMIT_PER_5_MINUTES = 3000;

export class PortalProtection extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: PortalProtectionProps) {
    super(scope, id);
    const challengeLimit = Math.max(WAF_MIN_RATE_LIMIT, props.checksPerIpPerMinute * 3);
    // Page loads count too (about one per check), and are challenged too: a challenge answers fetch() with an
    // empty 202 the page cannot solve, so the browser must get its token from a page navigation first.
    const challengeWindowLimit = challengeLimit * 2;
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('PortalWebAcl'),
      challengeConfig: { immunityTimeProperty: { immunityTime: 300 } },
      rules: [
        managedRuleGroup('AWSManagedRulesAmazonIpReputationList', 0),
        managedRuleGroup('AWSManagedRulesCommonRuleSet', 1),
        managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'ChallengeFrequentChecks',
          priority: 3,
          action: { challenge: {} },
          visibilityConfig: visibility('ChallengeFrequentChecks'),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              evaluationWindowSec: 60,
              limit: challengeWindowLimit,
              scopeDownStatement: {
                orStatement: { statements: [checkEndpointStatement(), pageNavigationStatement()] },
              },
            },
          },
        },
        {
          name: 'BlockCheckFloods',
          priority: 4,
          action: { block: {} },
          visibilityConfig: visibility('BlockCheckFloods'),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              evaluationWindowSec: 60,
              limit: challengeLimit * 10,
              scopeDownStatement: checkEndpointStatement(),
            },
          },
        },
        // The flood limits per IP. A mobile carrier's customers share carrier-grade NAT addresses: on news day one
        // address can carry thousands of honest people loading the site. A block there would take the whole site
        // from all of them, so page loads (everything outside /api/) get the silent challenge — a browser passes it
        // and keeps its token — while a script flooding the API, which a challenge cannot stop, is still blocked.
        {
          name: 'ChallengePageFloods',
          priority: 5,
          action: { challenge: {} },
          visibilityConfig: visibility('ChallengePageFloods'),
          statement: floodStatement({ notStatement: { statement: apiPathStatement() } }),
        },
        {
          name: 'BlockApiFloods',
          priority: 6,
          action: { block: {} },
          visibilityConfig: visibility('BlockApiFloods'),
          statement: floodStatement(apiPathStatement()),
        },
      ],
    });
  }
}

function managedRuleGroup(name: string, priority: number): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    visibilityConfig: visibility(name),
  };
}

function pathStartsWith(prefix: string): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
    },
  };
}

function checkEndpointStatement(): CfnWebACL.StatementProperty {
  return pathStartsWith(CHECK_PATH);
}

function apiPathStatement(): CfnWebACL.StatementProperty {
  return pathStartsWith(API_PATH_PREFIX);
}

/** More requests from one IP in 5 minutes than any one person's browsing, for the requests `scopeDown` selects. */
function floodStatement(scopeDown: CfnWebACL.StatementProperty): CfnWebACL.StatementProperty {
  return {
    rateBasedStatement: {
      aggregateKeyType: 'IP',
      evaluationWindowSec: 300,
      limit: FLOOD_LIMIT_PER_5_MINUTES,
      scopeDownStatement: scopeDown,
    },
  };
}

/** A browser loading a page (not an asset or an API call): the only request that can run the challenge script. */
function pageNavigationStatement(): CfnWebACL.StatementProperty {
  return {
    andStatement: {
      statements: [
        {
          byteMatchStatement: {
            fieldToMatch: { method: {} },
            positionalConstraint: 'EXACTLY',
            searchString: 'GET',
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
        {
          byteMatchStatement: {
            fieldToMatch: { singleHeader: { Name: 'accept' } },
            positionalConstraint: 'CONTAINS',
            searchString: 'text/html',
            textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
          },
        },
      ],
    },
  };
}

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  // Sampled requests would store viewer IPs and headers in WAF's console: off, per DESIGN §2.6.
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: false };
}
