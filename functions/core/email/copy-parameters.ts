/*
 * What every locale's copy of the two emails provides, and the parameters it is given. The copy never names a value
 * of the breach: organisation, incident, addresses and contacts come in from the breach config.
 */

export interface CopyParameters {
  organisation: string;
  incident: string;
  recordCount: number;
  tokenHours: number;
  resultWindowMinutes: number;
  /** The exact address this mail is sent from. */
  senderAddress: string;
  /** The domains genuine mail of the organisation comes from (the rule the reader is taught). */
  genuineDomains: readonly string[];
  /** The host the mail's links go to: what a doubting reader types into the browser instead of clicking. */
  portalDomain: string;
  supportPhone: string;
  supportHours: string;
  /** A support mailbox that reads replies; undefined when replies are not read. */
  replyTo: string | undefined;
}

export interface EmailCopy {
  subject: (p: CopyParameters) => string;
  greeting: string;
  affectedIntro: (p: CopyParameters) => string;
  affectedButton: string;
  affectedLinkNote: (p: CopyParameters) => string;
  affectedVerify: (p: CopyParameters) => string;
  affectedNotRequested: string;
  notFoundIntro: (p: CopyParameters) => string;
  notFoundSupport: (p: CopyParameters) => string;
  notFoundAssist: string;
  notFoundNotRequested: string;
  moreInfo: (p: CopyParameters) => string;
  neverAsks: (p: CopyParameters) => string;
  genuineSender: (p: CopyParameters) => string;
  replies: (p: CopyParameters) => string;
  linkFallback: string;
  /** Plain-text part only: a long link is broken over lines to fit a phone screen. */
  linkSpansLines: string;
}
