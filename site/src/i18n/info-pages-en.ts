import type { BreachConfig } from '../../../functions/core/breach-config';
import { genuineDomainsPhrase, lookalikeDomain, subdomainExample } from '../../../functions/core/genuine-sender';
import type { InfoPages } from './info-pages';
import { formatDate } from './ui-text';

export function englishInfoPages(config: BreachConfig): InfoPages {
  const org = config.organisation.name;
  const support = config.support.en;
  const { exactly: domains, endings } = genuineDomainsPhrase(config.genuineSenderDomains, 'or');
  const subdomain = subdomainExample(config.genuineSenderDomains, config.sender.address);
  const { retention } = config;
  return {
    phishing: {
      title: 'Spotting phishing after this breach',
      intro: `After a data breach, criminals often send messages and make calls that use the leaked data and pose as ${org}, a bank or the government. This page tells you how ${org} does and does not contact you.`,
      domainsHeading: `Genuine email from ${org} only comes from these domains, or from names that end in one of them after a dot`,
      sections: [
        {
          heading: `What ${org} will do`,
          list: [
            `Email you about this check only from ${config.sender.address}${config.siteDomain ? `, with links only to ${config.siteDomain}` : ''}.`,
            'Send you a link to your result only after you asked for it on this website.',
            'Always show the link in the email as plain text too, so you can see where it goes before you click.',
          ],
        },
        {
          heading: `What ${org} will never do`,
          list: [
            'Ask for your password, login codes, PIN or verification codes — by email, text, phone or chat.',
            'Ask for your bank details, ask you to pay a “fee” or move money to a “safe account”.',
            'Ask you to send a photo or copy of your ID document.',
            'Ask you to install an app or software that lets someone see your screen.',
            'Put your leaked data itself in an email.',
          ],
        },
        {
          heading: 'Received something suspicious?',
          list: [
            `Do not click links and do not reply. Check what comes after the @ in the sender address: it must be exactly ${domains} or end in ${endings}${subdomain ? ` (like ${subdomain})` : ''}. Anything else, such as ${lookalikeDomain(config.genuineSenderDomains[0] ?? '', 'secure-login.com')}, is not from ${org}.`,
            `A caller who knows your name, address or customer number is not necessarily from ${org}. Hang up and call ${support.phone} yourself.`,
            'Forward suspicious emails to valse-email@fraudehelpdesk.nl, the Dutch fraud help desk.',
            'Clicked a link, entered details or paid? Contact your bank straight away, change the password you entered, and report it to the police.',
          ],
        },
      ],
    },
    faq: {
      title: 'Frequently asked questions',
      intro: 'Answers to the questions we are asked most about this check.',
      entries: [
        {
          id: 'is-this-email-real',
          question: 'Is this email really from you?',
          answer: [
            `Genuine emails about this check come from exactly ${config.sender.address} (${config.sender.name})${config.siteDomain ? ` and link only to ${config.siteDomain}` : ''}. Other email from ${org} comes from addresses where the part after the @ is exactly ${domains} or ends in ${endings}.`,
            'We only email you after you asked for a check on this website, and we never ask for passwords, codes or bank details. In doubt? Do not click; go to this website yourself and do the check again.',
          ],
        },
        {
          id: 'why-not-earlier',
          question: 'Why didn’t I hear about this earlier?',
          answer: [
            `${org} discovered the breach on ${formatDate(config.discoveryDate, 'en')}. Before customers can be told anything reliable, it has to establish what happened and whose data was involved.`,
            'This website lets you check yourself, privately, whether and which of your data was involved.',
          ],
        },
        {
          id: 'unknown-company',
          question: 'I don’t recognise this company. Why would it have my data?',
          answer: [
            `If the check finds data for your address, ${org} held it as part of a customer relationship, current or past. The result only shows the kinds of data involved, not the data itself.`,
            `If you believe you were never a customer, call ${support.phone} (${support.hours}).`,
          ],
        },
        {
          id: 'link-expired',
          question: 'The link expired or does not work — how do I get a new one?',
          answer: [
            `A link works for ${retention.tokenHours} hours and, once opened, only for ${retention.resultWindowMinutes} minutes. That protects your result if someone else gets hold of the email.`,
            'Just do the check again on the home page: you get a new email with a new link.',
          ],
        },
        {
          id: 'why-not-on-screen',
          question: 'Why not show the result on screen?',
          answer: [
            'Anyone can type any email address. If the website showed the result, a stranger could find out whether your data was leaked.',
            'So the answer goes only to the mailbox itself. The page looks the same and answers the same for every address.',
          ],
        },
        {
          id: 'what-is-stored',
          question: 'What do you store about me when I use this check?',
          answer: [
            'Not your email address in readable form. The check compares a keyed hash (a fingerprint that cannot be turned back into the address) with fingerprints of the addresses in the breach.',
            `The link in your email is stored only as a hash and expires after ${retention.tokenHours} hours. No cookies and no analytics are used. See the privacy statement for details.`,
          ],
        },
      ],
    },
    privacy: {
      title: 'Privacy statement',
      intro: `This statement covers this check website. ${org} is responsible for it.`,
      sections: [
        {
          heading: 'What this website stores',
          list: [
            'No email addresses, phone numbers or customer numbers in readable form: only keyed hashes of them (HMAC with a secret key). A hash cannot be turned back into the original, and without the secret key it cannot be recomputed.',
            'No breach data itself: only, per keyed hash, which kinds of data were involved.',
            `The link we email you is stored only as a hash and expires after ${retention.tokenHours} hours; once opened, it works for ${retention.resultWindowMinutes} more minutes.`,
            'Counters to limit how often a check can be done, keyed by hashes, that expire by themselves.',
          ],
        },
        {
          heading: 'When you ask for help with the check',
          list: [
            'Your name, phone number or customer number, preferred time and message are stored encrypted and can only be read by support staff.',
            `They are deleted within ${retention.assistRequestDays} days.`,
          ],
        },
        {
          heading: 'What this website does not do',
          list: [
            'No cookies.',
            'No analytics, tracking or advertising.',
            'No fonts, scripts or images from other websites: your browser only talks to this website.',
          ],
        },
        {
          heading: 'Staff access',
          paragraphs: [
            'Support staff can look up a customer on request, with a reason and a ticket number. Every lookup is recorded in an audit log.',
          ],
        },
      ],
      contactHeading: 'Contact',
      contact: [
        `Questions about your data: call ${support.phone} (${support.hours}) or see ${support.url}.`,
        'Complaints about how your personal data is handled can also go to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
      ],
    },
  };
}
