/*
 * The environment variables the Lambdas read: infra/lambda-environment.ts sets them per route's grants, and
 * functions/wiring is their one reader. Values are names, URLs and ARNs — never a secret.
 */

export const ENV = {
  tableNames: 'TABLE_NAMES',
  pepperSecretArn: 'PEPPER_SECRET_ARN',
  emailQueueUrl: 'EMAIL_QUEUE_URL',
  assistRequestKeyId: 'ASSIST_REQUEST_KEY_ID',
  origin: 'PORTAL_ORIGIN',
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  staffClientId: 'STAFF_CLIENT_ID',
  /** The sender's End User Messaging configuration set (infra/sms.ts); the sender id comes from the breach config. */
  smsConfigurationSet: 'SMS_CONFIGURATION_SET',
  /**
   * Not set by the stack: the SDK's own endpoint override for the SMS client, which the deploy rehearsal sets to point
   * the synthesized sender at an SMS stand-in (functions/wiring builds that client without an endpoint).
   */
  smsEndpointOverride: 'AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2',
  originSecretArn: 'ORIGIN_SECRET_ARN',
  /** The sender's SES configuration set (infra/email.ts). */
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /**
   * Path of the breach config copied into every bundle (infra/app-function.ts); unset in tests and the CLI, which then
   * read the shipped demo config (functions/config/load-breach-config.ts).
   */
  breachConfig: 'BREACH_CONFIG',
  /** Powertools' own variable; the portal's logger reads it too, to allow DEBUG (infra/app-function.ts sets INFO). */
  powertoolsLogLevel: 'POWERTOOLS_LOG_LEVEL',
} as const;
