import { resolve } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetEventDestination,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../contract/lambda-environment';
import { AppFunction } from './app-function';

/*
 * The email concern. Check requests only enqueue (the API answers at once and the same way for hit and miss);
 * the sender drains the queue at most `senderConcurrency` invocations at a time, sized below the SES send rate, so a
 * news-day surge becomes a queue that empties at the allowed pace instead of SES throttling errors. The bound is the
 * SQS event source's maximum concurrency, NOT reserved concurrency: reserving fails the deploy on a new account
 * (its concurrency quota is 10 and AWS keeps 10 unreserved), and it would also take those executions from the API. Messages carry an email
 * address, so the queue is encrypted with its own key. Bounces and complaints go onto the account suppression list
 * (SES stops sending to those addresses) and into CloudWatch counts per configuration set — counts only, because
 * bounce notifications name the address and must not land in a mailbox or a log.
 */

export interface PortalEmailProps {
  senderDomain: string;
  projectRoot: string;
  breachConfigPath: string;
  serviceName: string;
  metricsNamespace: string;
  sesSendRatePerSecond: number;
  environment: Record<string, string>;
  senderEntry: string;
  /** How long either queue keeps a job: no longer than the token in it lives (default 1 day). */
  jobRetention?: Duration;
}

/**
 * The custom MAIL FROM (envelope sender, where bounces go) is this subdomain of the sender domain, so SPF passes for
 * a domain aligned with the From address: with Amazon's default MAIL FROM (amazonses.com) only DKIM aligns.
 */
export const MAIL_FROM_SUBDOMAIN = 'bounce';

/** Mails one sender invocation handles: the batch is small so a failure retries few messages. */
const SENDER_BATCH_SIZE = 10;

export class PortalEmail extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly queueKey: Key;
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly sender: AppFunction;

  constructor(scope: Construct, id: string, props: PortalEmailProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      // The mail carries a result link: SES delivers it only over TLS, never in clear to a lax receiving server.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    new ConfigurationSetEventDestination(this, 'DeliveryCounts', {
      configurationSet: this.configurationSet,
      destination: EventDestination.cloudWatchDimensions([
        { name: 'ses:configuration-set', source: CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'portal' },
      ]),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
      ],
    });
    const mailFromDomain = `${MAIL_FROM_SUBDOMAIN}.${props.senderDomain}`;
    this.identity = new EmailIdentity(this, 'SenderDomain', {
      identity: Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
      mailFromDomain,
      // Without its MX record SES falls back to amazonses.com rather than refusing to send: DKIM still aligns, so
      // DMARC passes, and confirmation mails keep flowing while DNS is fixed.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    // The two records of the custom MAIL FROM domain (docs/deploy.md, "SES").
    const region = Stack.of(this).region;
    new CfnOutput(this, 'MailFromMxRecord', {
      value: `${mailFromDomain} MX 10 feedback-smtp.${region}.amazonses.com`,
      description: 'MX record of the custom MAIL FROM domain',
    });
    new CfnOutput(this, 'MailFromSpfRecord', {
      value: `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'SPF record of the custom MAIL FROM domain',
    });
    // Easy DKIM: three CNAMEs the operator adds at the DNS provider (docs/deploy.md, "SES").
    for (const n of [1, 2, 3] as const) {
      const name = this.identity[`dkimDnsTokenName${n}`];
      const value = this.identity[`dkimDnsTokenValue${n}`];
      new CfnOutput(this, `DkimRecord${n}`, { value: `${name} CNAME ${value}`, description: 'DKIM record for SES' });
    }

    this.queueKey = new Key(this, 'QueueKey', {
      description: 'Encrypts the outgoing-mail queue (messages hold the recipient address)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.queueKey,
      enforceSSL: true,
      // No longer than a token lives: SQS keeps a message's first enqueue time when it dead-letters it, so a job and
      // its token leave the DLQ by the time the token has expired (the sender also drops expired jobs).
      retentionPeriod: props.jobRetention ?? Duration.days(1),
    });
    this.queue = new Queue(this, 'OutgoingMail', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.queueKey,
      enforceSSL: true,
      // ≥ 6 × the sender's timeout, as Lambda's SQS guidance asks, so a slow batch is not delivered twice.
      visibilityTimeout: Duration.seconds(90),
      retentionPeriod: props.jobRetention ?? Duration.days(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });

    const concurrency = senderConcurrency(props.sesSendRatePerSecond);
    this.sender = new AppFunction(this, 'Sender', {
      entry: resolve(props.projectRoot, props.senderEntry),
      serviceName: props.serviceName,
      metricsNamespace: props.metricsNamespace,
      breachConfigPath: props.breachConfigPath,
      projectRoot: props.projectRoot,
      environment: {
        ...props.environment,
        [ENV.sesConfigurationSet]: this.configurationSet.configurationSetName,
      },
      timeout: Duration.seconds(15),
    });
    this.sender.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: SENDER_BATCH_SIZE,
        maxConcurrency: concurrency,
        reportBatchItemFailures: true,
      }),
    );
    // Sending only from the configured identity, only through the portal's configuration set.
    this.sender.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.identityArn(), this.configurationSetArn()],
      }),
    );
  }

  private identityArn(): string {
    const stack = this.identity.stack;
    return stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName });
  }

  private configurationSetArn(): string {
    const stack = this.configurationSet.stack;
    return stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }
}

/** SQS event sources accept a maximum concurrency from 2 to 1 000. */
const EVENT_SOURCE_MAX_CONCURRENCY = { min: 2, max: 1000 };

/**
 * One sender sends about 10 mails per second (≈ 100 ms per SES call, one at a time), so the account's send rate
 * divided by 10 senders keep up without SES throttling; SQS event sources need at least 2 concurrent pollers.
 */
export function senderConcurrency(sesSendRatePerSecond: number): number {
  const bySendRate = Math.floor(sesSendRatePerSecond / 10);
  return Math.min(EVENT_SOURCE_MAX_CONCURRENCY.max, Math.max(EVENT_SOURCE_MAX_CONCURRENCY.min, bySendRate));
}
