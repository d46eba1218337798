import { genuineDomainsPhrase, lookalikeDomain, subdomainExample } from '../genuine-sender';
import type { EmailCopy } from './copy-parameters';

export const ENGLISH_EMAIL_COPY: EmailCopy = {
  subject: (p) => `Your ${p.organisation} data breach check: the result`,
  greeting: 'Hello,',
  affectedIntro: (p) =>
    `You asked whether your details are part of “${p.incident}”. They are: your email address is in ${
      p.recordCount === 1 ? 'one customer record' : `${p.recordCount} customer records`
    } of this breach. The button shows which of your details were exposed and what you can best do now.`,
  affectedButton: 'See which details were exposed',
  affectedLinkNote: (p) =>
    `The link is valid for ${p.tokenHours} hours. Once you open it, you can read the result for ${p.resultWindowMinutes} minutes; after that, simply check again.`,
  affectedVerify: (p) =>
    `Not sure this email is genuine? Then don't click: type ${p.portalDomain} into your browser yourself and check again, or call ${p.supportPhone}, ${p.supportHours}. The button above goes to ${p.portalDomain}. That page asks you for nothing: no password, no code, no bank details and no payment.`,
  affectedNotRequested:
    'Did you not request this check? Then someone else entered your email address. This email goes only to you, and your details are in this breach: do read what you can do.',
  notFoundIntro: (p) =>
    `You asked whether your details are part of “${p.incident}”. We found no customer record with this email address.`,
  notFoundSupport: (p) =>
    `That does not settle it: we may hold an old email address for you, or none at all. Our support team can then look you up by phone number or customer number. Call ${p.supportPhone}, ${p.supportHours}.`,
  notFoundAssist: 'Or ask us to call you back:',
  notFoundNotRequested:
    'Did you not request this check? Then someone else entered your email address. You need not do anything.',
  moreInfo: (p) => `More about the breach on the ${p.organisation} website:`,
  neverAsks: (p) =>
    `${p.organisation} never asks for your password, IBAN, PIN or verification codes by email, text message or phone. Never give them to anyone, even if they say they are from ${p.organisation}.`,
  genuineSender: (p) => {
    const example = subdomainExample(p.genuineDomains, p.senderAddress);
    const { exactly: domains, endings } = genuineDomainsPhrase(p.genuineDomains, 'or');
    return `This email comes from ${p.senderAddress}. Genuine email from ${p.organisation} only comes from addresses where the part after the @ is exactly ${domains}, or ends in ${endings}${
      example ? ` (like ${example})` : ''
    }. Anything else, such as ${lookalikeDomain(p.genuineDomains[0] ?? '', 'secure-login.com')}, is fake.`;
  },
  replies: (p) =>
    p.replyTo
      ? `Replies to this email go to ${p.replyTo} and are read by our support team.`
      : `Replies to this email are not read. Questions? Call ${p.supportPhone}.`,
  linkFallback: 'Button not working? Copy this link into your browser:',
  linkSpansLines: 'The link runs over several lines: copy everything between < and >.',
};
