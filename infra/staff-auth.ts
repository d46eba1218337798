import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/*
 * The staff-auth concern: a Cognito user pool nobody can sign up to (the operator creates staff accounts), TOTP
 * MFA required, groups `agent` and `supervisor` that the handlers read from the token's cognito:groups claim, the
 * hosted UI for sign-in and a public app client using the authorization-code flow with PKCE (the staff console
 * is a static page: it can hold no client secret).
 */

export const STAFF_GROUPS = ['agent', 'supervisor'] as const;

export interface StaffAuthProps {
  domainPrefix: string;
  /** https://… origin of the site: the console's callback lives under /staff/. */
  origin: string;
}

export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(2),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of STAFF_GROUPS) {
      new CfnUserPoolGroup(this, `${group}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: group === 'supervisor' ? 'Agent rights plus the audit log and daily metrics' : 'Support agent',
      });
    }
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.client = this.userPool.addClient('StaffConsole', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.origin}/staff/`],
        logoutUrls: [`${props.origin}/staff/`],
      },
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.domain.baseUrl() });
  }

  /** https://<prefix>.auth.<region>.amazoncognito.com — the hosted UI and its /oauth2/token endpoint. */
  get hostedUiUrl(): string {
    return this.domain.baseUrl();
  }

  /** Tokens from this pool carry iss = this URL (API Gateway's JWT authorizer and aws-jwt-verify check it). */
  get issuerUrl(): string {
    return `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
