/*
 * Physical names for the synthesized template's resources, as CloudFormation would assign them, and the resolver
 * that turns the intrinsics in a function's Environment.Variables and IAM policies (Ref, Fn::GetAtt, Fn::Join,
 * pseudo parameters) into those names. Account and region are the rehearsal's own; ARNs have AWS's real shapes, so
 * IAM resource patterns from the template match the ARNs the call recorder derives from requests.
 */

export const ACCOUNT = '000000000000';

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface CloudFormationTemplate {
  Resources: Record<string, TemplateResource>;
}

export class UnresolvedIntrinsicError extends Error {}

export class TemplateNames {
  /** Set once the SQS front is listening: a queue's Ref is its URL, and the SQS client sends to that host. */
  sqsEndpoint = 'http://127.0.0.1:0';

  constructor(
    readonly template: CloudFormationTemplate,
    readonly stackName: string,
    readonly region: string,
  ) {}

  resource(logicalId: string): TemplateResource {
    const resource = this.template.Resources[logicalId];
    if (!resource) throw new UnresolvedIntrinsicError(`the template has no resource ${logicalId}`);
    return resource;
  }

  logicalIdsOfType(type: string): string[] {
    return Object.entries(this.template.Resources)
      .filter(([, resource]) => resource.Type === type)
      .map(([id]) => id);
  }

  tableName(id: string): string {
    return `${this.stackName}-${id}`;
  }
  queueName(id: string): string {
    return `${this.stackName}-${id}`;
  }
  queueUrl(id: string): string {
    return `${this.sqsEndpoint}/${ACCOUNT}/${this.queueName(id)}`;
  }
  keyId(id: string): string {
    const hex = Buffer.from(id).toString('hex').padEnd(32, '0').slice(0, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  /** The service's own id shape: protect- and 32 hex digits. */
  protectConfigurationId(id: string): string {
    return `protect-${Buffer.from(id).toString('hex').padEnd(32, '0').slice(0, 32)}`;
  }

  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.region}:${ACCOUNT}:${resource}`;
  }

  ref(id: string): string {
    const pseudo: Record<string, string> = {
      'AWS::AccountId': ACCOUNT,
      'AWS::Region': this.region,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.stackName,
    };
    if (pseudo[id]) return pseudo[id];
    const resource = this.resource(id);
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table':
        return this.tableName(id);
      case 'AWS::SQS::Queue':
        return this.queueUrl(id);
      case 'AWS::SecretsManager::Secret':
        return this.arn('secretsmanager', `secret:${id}-AbCdEf`);
      case 'AWS::KMS::Key':
        return this.keyId(id);
      case 'AWS::Cognito::UserPool':
        return `${this.region}_Rehearse1`;
      case 'AWS::Cognito::UserPoolClient':
        return `rehearsal${id.toLowerCase()}`.slice(0, 26);
      case 'AWS::SES::ConfigurationSet':
        return String(resource.Properties?.Name ?? `${this.stackName}-${id}`);
      case 'AWS::SES::EmailIdentity':
        return String(resource.Properties?.EmailIdentity);
      // End User Messaging SMS: a configuration set's Ref is its name, a sender id's "<SenderId>|<country>".
      case 'AWS::SMSVOICE::ConfigurationSet':
        return String(resource.Properties?.ConfigurationSetName ?? `${this.stackName}-${id}`);
      case 'AWS::SMSVOICE::SenderId':
        return `${resource.Properties?.SenderId}|${resource.Properties?.IsoCountryCode}`;
      case 'AWS::SMSVOICE::ProtectConfiguration':
        return this.protectConfigurationId(id);
      default:
        throw new UnresolvedIntrinsicError(`no rehearsal name for Ref ${id} (${resource.Type})`);
    }
  }

  getAtt(id: string, attribute: string): string {
    const resource = this.resource(id);
    const key = `${resource.Type}.${attribute}`;
    switch (key) {
      case 'AWS::DynamoDB::Table.Arn':
        return this.arn('dynamodb', `table/${this.tableName(id)}`);
      case 'AWS::SQS::Queue.Arn':
        return this.arn('sqs', this.queueName(id));
      case 'AWS::SecretsManager::Secret.Arn':
        return this.ref(id);
      case 'AWS::SQS::Queue.QueueName':
        return this.queueName(id);
      case 'AWS::SQS::Queue.QueueUrl':
        return this.queueUrl(id);
      case 'AWS::KMS::Key.Arn':
        return this.arn('kms', `key/${this.keyId(id)}`);
      case 'AWS::Logs::LogGroup.Arn':
        return this.arn('logs', `log-group:${this.stackName}-${id}:*`);
      case 'AWS::IAM::Role.Arn':
        return `arn:aws:iam::${ACCOUNT}:role/${this.stackName}-${id}`;
      case 'AWS::Cognito::UserPool.Arn':
        return this.arn('cognito-idp', `userpool/${this.ref(id)}`);
      case 'AWS::SMSVOICE::ConfigurationSet.Arn':
        return this.arn('sms-voice', `configuration-set/${this.ref(id)}`);
      // IAM evaluates a sender id as sender-id/<SenderId>/<country>, the country being the destination's.
      case 'AWS::SMSVOICE::SenderId.Arn':
        return this.arn(
          'sms-voice',
          `sender-id/${resource.Properties?.SenderId}/${resource.Properties?.IsoCountryCode}`,
        );
      case 'AWS::SMSVOICE::ProtectConfiguration.ProtectConfigurationId':
        return this.protectConfigurationId(id);
      case 'AWS::SMSVOICE::ProtectConfiguration.Arn':
        return this.arn('sms-voice', `protect-configuration/${this.protectConfigurationId(id)}`);
      case 'AWS::CloudFront::Distribution.DomainName':
        return 'd111111abcdef8.cloudfront.net';
      default:
        throw new UnresolvedIntrinsicError(`no rehearsal value for Fn::GetAtt ${id}.${attribute}`);
    }
  }

  /** A template value with its intrinsics replaced by the rehearsal's names. */
  resolve(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value && typeof value === 'object') {
      const [[intrinsic, argument]] = Object.entries(value) as [[string, unknown]];
      if (intrinsic === 'Ref') return this.ref(String(argument));
      if (intrinsic === 'Fn::GetAtt') {
        const [id, attribute] = Array.isArray(argument) ? argument : String(argument).split('.');
        return this.getAtt(String(id), String(attribute));
      }
      if (intrinsic === 'Fn::Join') {
        const [separator, parts] = argument as [string, unknown[]];
        return parts.map((part) => this.resolve(part)).join(separator);
      }
    }
    throw new UnresolvedIntrinsicError(`cannot resolve ${JSON.stringify(value)}`);
  }

  /** The logical id a physical ARN or name belongs to, for the IAM table (falls back to the value itself). */
  describe(arnOrName: string): string {
    for (const id of Object.keys(this.template.Resources)) {
      for (const candidate of this.candidatesOf(id)) {
        if (arnOrName === candidate) return id;
        if (arnOrName.startsWith(`${candidate}/`)) return `${id}${arnOrName.slice(candidate.length)}`;
      }
    }
    return arnOrName;
  }

  private candidatesOf(id: string): string[] {
    const attempts = [() => this.getAtt(id, 'Arn'), () => this.ref(id)];
    return attempts.flatMap((attempt) => {
      try {
        return [attempt()];
      } catch {
        return [];
      }
    });
  }
}
