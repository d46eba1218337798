import { resolve } from 'node:path';
import { CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../contract/observability';
import { EMAIL_SENDER, ROUTES } from '../contract/routes';
import { PortalApi } from './api';
import { PortalData } from './data';
import { PortalEmail } from './email';
import { environmentForGrants } from './lambda-environment';
import { PortalObservability } from './observability';
import { type PortalSettings, senderDomainOf } from './portal-settings';
import { PortalSecrets } from './secrets';
import { PortalSite } from './site';
import { PortalSms } from './sms';
import { StaffAuth } from './staff-auth';

/*
 * The portal in its home region: data, secrets, email, staff auth, API, site and observability, wired together
 * here and nowhere else. Each construct holds one concern; this file only says who may use what.
 */

export interface PortalStackProps extends StackProps {
  settings: PortalSettings;
  projectRoot: string;
  /** From the us-east-1 edge stack. */
  webAclArn: string;
  edgeCertificate?: ICertificate;
}

export class PortalStack extends Stack {
  readonly data: PortalData;
  readonly secrets: PortalSecrets;
  readonly email: PortalEmail;
  readonly staffAuth: StaffAuth;
  readonly api: PortalApi;
  readonly site: PortalSite;
  readonly observability: PortalObservability;
  /** Present when the breach config enables checks by mobile number (`sms.enabled`). */
  readonly sms?: PortalSms;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const { settings, projectRoot } = props;
    let siteOrigin: string | undefined = settings.siteDomain && `https://${settings.siteDomain}`;
    // The origin is known only once the distribution exists; functions and the app client read it lazily.
    const origin = Lazy.string({ produce: () => siteOrigin });

    this.data = new PortalData(this, 'Data', {
      exposuresImportSource: settings.exposuresImportSource,
      exposuresWarmWritesPerSecond: settings.exposuresWarmWritesPerSecond,
    });
    this.secrets = new PortalSecrets(this, 'Secrets');
    this.staffAuth = new StaffAuth(this, 'StaffAuth', { domainPrefix: settings.staffAuthDomainPrefix, origin });
    const shared = { projectRoot, breachConfigPath: settings.breachConfigPath, serviceName: SERVICE_NAME };
    this.email = new PortalEmail(this, 'Email', {
      ...shared,
      metricsNamespace: METRICS_NAMESPACE,
      senderDomain: senderDomainOf(settings.breachConfig),
      sesSendRatePerSecond: settings.sesSendRatePerSecond,
      environment: { PORTAL_ORIGIN: origin },
      senderEntry: settings.handlerEntryOverride ?? EMAIL_SENDER.entry,
      // A mail job holds an address and maybe a token: no queue keeps it longer than the token lives.
      jobRetention: Duration.hours(settings.breachConfig.retention.tokenHours),
    });
    const names = {
      tableNames: this.data.tableNames,
      pepperSecretArn: this.secrets.pepper.secretArn,
      emailQueueUrl: this.email.queue.queueUrl,
      assistRequestKeyId: this.data.assistRequestKey.keyId,
      origin,
      staffUserPoolId: this.staffAuth.userPool.userPoolId,
      staffClientId: this.staffAuth.client.userPoolClientId,
      originSecretArn: this.secrets.originSecret.secretArn,
    };
    this.api = new PortalApi(this, 'Api', {
      ...shared,
      metricsNamespace: METRICS_NAMESPACE,
      resources: {
        tables: this.data.tables,
        pepper: this.secrets.pepper,
        emailQueue: this.email.queue,
        assistRequestKey: this.data.assistRequestKey,
        originSecret: this.secrets.originSecret,
      },
      environmentFor: (route) => environmentForGrants(route.grants, route.access, names),
      staffJwt: { issuerUrl: this.staffAuth.issuerUrl, audience: [this.staffAuth.client.userPoolClientId] },
      handlerEntryOverride: settings.handlerEntryOverride,
      routes: ROUTES,
    });

    const certificate =
      props.edgeCertificate ??
      (settings.siteCertificateArn
        ? Certificate.fromCertificateArn(this, 'SiteCertificate', settings.siteCertificateArn)
        : undefined);
    this.site = new PortalSite(this, 'Site', {
      securityHeadersPath: resolve(projectRoot, 'site/security-headers.json'),
      apiDomainName: this.api.domainName,
      // A dynamic reference ({{resolve:secretsmanager:…}}): the value is never in the template.
      originVerifyValue: this.secrets.originSecret.secretValue.unsafeUnwrap(),
      webAclArn: props.webAclArn,
      siteAssetPath: settings.siteAssetPath,
      customDomain: settings.siteDomain && certificate ? { domainName: settings.siteDomain, certificate } : undefined,
      staffConsole: {
        hostedUiUrl: this.staffAuth.hostedUiUrl,
        config: {
          mode: 'cognito',
          domain: this.staffAuth.hostedUiUrl,
          clientId: this.staffAuth.client.userPoolClientId,
          redirectUri: `${origin}/staff/`,
          scopes: ['openid', 'email', 'profile'],
        },
      },
    });
    siteOrigin ??= `https://${this.site.distribution.distributionDomainName}`;

    this.observability = new PortalObservability(this, 'Observability', {
      httpApi: this.api.httpApi,
      functions: {
        ...Object.fromEntries(Object.entries(this.api.functions).map(([id, fn]) => [id, fn.function])),
        [EMAIL_SENDER.id]: this.email.sender.function,
      },
      deadLetterQueue: this.email.deadLetterQueue,
      outgoingMailQueue: this.email.queue,
      configurationSet: this.email.configurationSet,
      alarmEmail: settings.alarmEmail,
      staffRefusals: this.api.staffRefusals,
    });

    const sms = settings.breachConfig.sms;
    if (sms?.enabled) {
      this.sms = new PortalSms(this, 'Sms', {
        sms,
        sender: this.email.sender.function,
        observability: this.observability,
        metricsNamespace: METRICS_NAMESPACE,
        serviceName: SERVICE_NAME,
      });
    }

    new CfnOutput(this, 'SiteUrl', { value: origin });
    new CfnOutput(this, 'SiteBucket', { value: this.site.bucket.bucketName });
    new CfnOutput(this, 'PepperSecretArn', { value: this.secrets.pepper.secretArn });
    new CfnOutput(this, 'ExposuresTable', { value: this.data.tables.exposures.tableName });
  }
}
