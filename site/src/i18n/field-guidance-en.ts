import type { GuidanceContext, LocalisedGuidanceByField } from './field-guidance';

export function englishFieldGuidance({ organisation, supportPhone }: GuidanceContext): LocalisedGuidanceByField {
  const bkrStep =
    'Check your credit registration at BKR for loans or credit you did not take out. Viewing it online is free; you identify yourself through your bank with iDIN.';
  const kopieIdStep =
    'Never send a photo or copy of your ID document in reply to a message or call. If an organisation really needs a copy, use the government’s KopieID app to cross out what they do not need.';
  return {
    idDocumentNumber: {
      title: 'Your ID document number was exposed',
      riskSummary: 'Together with your name and date of birth it can be misused for identity fraud.',
      whyItMatters: [
        'Recording the kind of document and its number is often how an organisation checks who you are, instead of keeping a copy. With your name, date of birth and document number, someone can pose as you more convincingly.',
        'Your document stays valid: an ID document only loses its validity once it is reported lost or stolen. If you know that a copy (photo or scan) of your document was leaked as well, the CMI advises considering a new document from your municipality as a precaution.',
      ],
      criminalUses: [
        'Identity fraud: taking out subscriptions, orders or loans in your name.',
        'Phishing that quotes your document number to seem genuine, or asks you to “verify” your ID.',
      ],
      steps: [
        'Watch your post, bank statements and email for subscriptions, orders or debt-collection letters you do not recognise.',
        bkrStep,
        kopieIdStep,
        'Notice misuse? Collect evidence (letters, statements), report it to the CMI and file a police report.',
      ],
      estimatedTime: 'About 15 minutes now; after that, a quick look at your post and statements each month.',
    },
    idDocumentValidity: {
      title: 'Your ID document’s expiry date was exposed',
      riskSummary: 'Makes fake “renew your ID” messages more convincing and helps identity fraud.',
      whyItMatters: [
        'On its own an expiry date says little. Together with your name, document number and date of birth it helps someone pass identity checks, and it lets criminals time a fake message saying your document is about to expire.',
      ],
      criminalUses: [
        'Phishing that asks you to “renew” or “verify” your ID document through a link, or to send a photo of it.',
        'Identity fraud, combined with your other data.',
      ],
      steps: [
        'Renew your ID document only through your own municipality (gemeente), never through a link in an email or text message.',
        kopieIdStep,
        bkrStep,
      ],
      estimatedTime: 'About 10 minutes.',
    },
    iban: {
      title: 'Your IBAN was exposed',
      riskSummary: 'Can be used for direct debits you never agreed to and for convincing fake invoices.',
      whyItMatters: [
        'With your name and IBAN someone can collect money from your account by direct debit (incasso) without your permission, or send a fake invoice or make a “security” call that quotes your account number to seem genuine.',
      ],
      criminalUses: [
        'Direct-debit (incasso) fraud: collecting money you never agreed to pay.',
        'Fake invoices and payment requests.',
        'Bank helpdesk fraud: a caller poses as your bank, quotes your details and asks for codes or a transfer to a “safe account”.',
      ],
      steps: [
        'Check your bank statements regularly for direct debits you do not recognise.',
        'You can reverse (storneren) a direct debit within 8 weeks without giving a reason, in your banking app or through your bank.',
        'For a direct debit you never authorised, your bank can reverse it up to 13 months after the debit (Melding Onterechte Incasso). Check your bank’s own page for how to ask.',
        'A caller from “your bank” asks for codes, your card or a transfer? Hang up and call your bank on the number you know.',
      ],
      estimatedTime:
        'A few minutes per check of your statements; reversing a debit takes a few minutes in your banking app.',
    },
    phone: {
      title: 'Your phone number was exposed',
      riskSummary: 'Expect smishing, spoofed calls and attempts to take over your number (SIM swap).',
      whyItMatters: [
        'Your mobile number is linked to your bank, your chat apps and the codes you use to log in. Criminals use leaked numbers for text messages and calls that seem to come from a trusted organisation, and sometimes to move your number to their own SIM card.',
      ],
      criminalUses: [
        'Smishing: text or WhatsApp messages with a link to a fake website.',
        'Spoofed calls: your screen shows the real number of a bank or company, but the caller is a criminal.',
        'SIM swap: with your personal data a criminal asks your provider to move your number to a new SIM card, and then receives your codes.',
      ],
      steps: [
        'Do not tap links in unexpected text or WhatsApp messages; go to the website or app yourself.',
        'A caller asks for codes, your bank card, remote access to your computer or a transfer? Hang up and call the organisation on a number you know.',
        'Ask your mobile provider which extra checks it offers before your SIM card can be replaced or your number moved.',
      ],
      estimatedTime: 'About 10 minutes, including a call to your provider.',
    },
    email: {
      title: 'Your email address was exposed',
      riskSummary: 'Expect phishing emails that use your name and other leaked details.',
      whyItMatters: [
        'Criminals combine leaked email addresses with the other leaked data to write emails that look personal. The more they know about you, the more genuine a message seems.',
      ],
      criminalUses: [
        'Phishing: fake invoices, “security” warnings or refunds with a link to a fake website.',
        'Trying to log in to your accounts, especially where you use the same password everywhere.',
      ],
      steps: [
        `Look at what comes after the @ in the sender’s address. Our phishing page lists the only domains ${organisation} sends from.`,
        'Do not click links in unexpected emails; go to the website yourself.',
        'Use a different password for each account and change any password you use in several places. Turn on two-step verification where you can.',
        'Forward suspicious emails to valse-email@fraudehelpdesk.nl.',
      ],
      estimatedTime: 'About 15 minutes to review your passwords.',
    },
    dateOfBirth: {
      title: 'Your date of birth was exposed',
      riskSummary: 'Often used to check who you are, so it helps criminals pass security questions.',
      whyItMatters: [
        'Many organisations ask your date of birth to check who you are, for example on the phone. You cannot change it, so it stays useful to criminals for a long time, especially together with your name and address.',
      ],
      criminalUses: [
        'Passing identity checks by phone, for example to take over an account or your phone number.',
        'Identity fraud together with your name and address.',
        'Making phishing more convincing.',
      ],
      steps: [
        'Remember that a caller who knows your date of birth is not necessarily who they say they are.',
        bkrStep,
        'Watch your post for orders, subscriptions or debt-collection letters you do not recognise. Do not pay them; contact the company and report misuse to the CMI.',
      ],
      estimatedTime: 'About 15 minutes.',
    },
    address: {
      title: 'Your address was exposed',
      riskSummary: 'Makes fake letters and invoices more convincing and helps identity fraud.',
      whyItMatters: [
        'With your address criminals can send fake letters or invoices by post, answer security questions as if they were you, or use it with your other data to order goods in your name.',
      ],
      criminalUses: [
        'Fake letters and invoices by post.',
        'Ordering goods or subscriptions in your name.',
        'Answering the check questions that organisations ask on the phone.',
      ],
      steps: [
        'Doubt a letter or invoice? Contact the sender using contact details you look up yourself, not the ones in the letter.',
        'Do not pay for orders or debt-collection letters you do not recognise; tell the company and keep the letters as evidence.',
        bkrStep,
      ],
      estimatedTime: 'About 10 minutes.',
    },
    fullName: {
      title: 'Your name was exposed',
      riskSummary: 'Makes phishing more personal and convincing.',
      whyItMatters: [
        'Your name is not a secret, but together with the other leaked data it makes an email, text or call feel personal. Being addressed by name is no proof that a message is genuine.',
      ],
      criminalUses: [
        'Personal phishing emails, text messages and calls.',
        'Identity fraud together with your other data.',
      ],
      steps: [
        'Judge a message by its sender and its links, not by whether it uses your name.',
        'In doubt, contact the organisation yourself through its own website or a number you know.',
      ],
      estimatedTime: 'A few minutes.',
    },
    customerNumber: {
      title: 'Your customer number was exposed',
      riskSummary: `Criminals can quote it to pose as ${organisation}.`,
      whyItMatters: [
        `Your customer number identifies you to ${organisation}. A caller or email that mentions it seems genuine, but criminals may now know it too.`,
      ],
      criminalUses: [
        `Posing as ${organisation}’s customer service.`,
        'Trying to change your account or subscription by phone.',
      ],
      steps: [
        `A caller who knows your customer number is not necessarily from ${organisation}. In doubt, hang up and call ${organisation} yourself on ${supportPhone}.`,
        `${organisation} never asks for your password, login codes or bank details.`,
      ],
      estimatedTime: 'A few minutes.',
    },
  };
}
