import { Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { PortalProtection } from './protection';

/*
 * What CloudFront requires in us-east-1, whatever region the portal runs in: the WAF web ACL (scope CLOUDFRONT)
 * and, for a custom domain, its ACM certificate. The portal stack reads both through CDK cross-region references
 * (an SSM parameter written here and read there), so one `cdk deploy --all` deploys both in order.
 */

export interface EdgeStackProps extends StackProps {
  checksPerIpPerMinute: number;
  /** Request a DNS-validated certificate for this domain (the operator adds the CNAME shown in ACM). */
  certificateDomain?: string;
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;
  readonly certificate?: ICertificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const protection = new PortalProtection(this, 'Protection', { checksPerIpPerMinute: props.checksPerIpPerMinute });
    this.webAclArn = protection.webAcl.attrArn;
    if (props.certificateDomain) {
      this.certificate = new Certificate(this, 'SiteCertificate', {
        domainName: props.certificateDomain,
        validation: CertificateValidation.fromDns(),
      });
    }
  }
}
