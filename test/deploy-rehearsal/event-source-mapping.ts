import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sqsEvent } from './api-events';
import type { BundleHost } from './bundle-host';
import type { TemplateNames } from './template-names';

/*
 * What Lambda's SQS event source mapping does for the sender, done by hand with the SENDER's identity (its calls
 * are charged to its role, as on AWS): read the queue's attributes, ReceiveMessage up to the template's BatchSize,
 * invoke the bundle with the SQS event, and DeleteMessage every record the function did not report as failed
 * (ReportBatchItemFailures). A failed record stays on the queue, as it would.
 */

interface MappingProperties {
  BatchSize?: number;
  EventSourceArn: unknown;
  FunctionName: unknown;
  FunctionResponseTypes?: string[];
}

export class EventSourceMapping {
  private readonly client: SQSClient;
  private readonly queueUrl: string;
  private readonly queueArn: string;
  private readonly batchSize: number;
  private attributesRead = false;

  constructor(
    private readonly names: TemplateNames,
    private readonly sender: BundleHost,
    senderLogicalId: string,
    endpoint: string,
  ) {
    const mapping = names
      .logicalIdsOfType('AWS::Lambda::EventSourceMapping')
      .map((id) => names.resource(id).Properties as unknown as MappingProperties)
      .find((properties) => (properties.FunctionName as { Ref?: string }).Ref === senderLogicalId);
    if (!mapping) throw new Error(`the template has no event source mapping for ${senderLogicalId}`);
    const queueId = (mapping.EventSourceArn as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    this.queueUrl = names.queueUrl(queueId);
    this.queueArn = names.getAtt(queueId, 'Arn');
    this.batchSize = mapping.BatchSize ?? 10;
    this.client = new SQSClient({
      region: names.region,
      endpoint,
      credentials: { accessKeyId: senderLogicalId, secretAccessKey: 'rehearsal' },
    });
  }

  /** Polls until the queue is empty; returns how many messages were delivered and how many the sender failed. */
  async drain(): Promise<{ delivered: number; failed: number }> {
    if (!this.attributesRead) {
      await this.client.send(new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['All'] }));
      this.attributesRead = true;
    }
    let delivered = 0;
    let failed = 0;
    for (;;) {
      const { Messages = [] } = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: this.batchSize,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) return { delivered, failed };
      const response = await this.sender.invoke<{ batchItemFailures?: { itemIdentifier: string }[] } | null>(
        sqsEvent(Messages, this.queueArn, this.names.region),
      );
      const failures = new Set((response?.batchItemFailures ?? []).map((item) => item.itemIdentifier));
      for (const message of Messages) {
        if (failures.has(message.MessageId ?? '')) {
          failed += 1;
          continue;
        }
        await this.client.send(
          new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
        delivered += 1;
      }
      // A failed message becomes visible again only after the visibility timeout: stop rather than spin.
      if (failures.size > 0) return { delivered, failed };
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
