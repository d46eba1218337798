import type { BreachConfig } from '../../../functions/core/breach-config';
import { genuineDomainsPhrase } from '../../../functions/core/genuine-sender';
import type { UiText } from './ui-text';

export function englishUiText(config: BreachConfig): UiText {
  const org = config.organisation.name;
  const support = config.support.en;
  const { exactly: domains, endings } = genuineDomainsPhrase(config.genuineSenderDomains, 'or');
  return {
    languageName: 'English',
    switchLanguage: 'Nederlands',
    skipLink: 'Skip to content',
    siteName: `${org} data breach check`,
    navLabel: 'Main menu',
    nav: {
      home: 'Check',
      phishing: 'Spotting phishing',
      faq: 'Questions',
      privacy: 'Privacy',
      assist: 'Help with the check',
      guidance: 'What can you do?',
    },
    footerContact: `Questions? Call ${org}: ${support.phone}`,
    footerHours: `Open ${support.hours}.`,
    noscript: `Sending this form and showing your result need JavaScript. Turn JavaScript on, or call ${org} on ${support.phone} (${support.hours}).`,
    localBanner: 'Local demo — open the inbox',
    errorSummaryTitle: 'There is a problem',
    required: 'Fill in this field.',
    networkError: 'We could not connect. Check your internet connection and try again.',
    unexpectedError: 'Something went wrong. Try again in a few minutes.',
    rateLimited: 'You have checked too often. Try again in {minutes} minutes.',
    rateLimitedUntil:
      'This address has had enough checks in the last 24 hours. Try again after {time}{day}, or ask us to call you back now (see below).',
    rateLimitedTomorrow: ' tomorrow',
    fieldNames: {
      fullName: 'Name',
      address: 'Address',
      phone: 'Phone number',
      customerNumber: 'Customer number',
      email: 'Email address',
      iban: 'IBAN (bank account number)',
      dateOfBirth: 'Date of birth',
      idDocumentNumber: 'ID document number',
      idDocumentValidity: 'ID document expiry date',
    },
    home: {
      title: config.title.en,
      whatHappened: 'What happened?',
      discovered: 'Discovered on',
      exposedHeading: 'Which data was taken?',
      exposedIntro: 'For customers whose data was downloaded, these kinds of data were involved:',
      checkHeading: 'Check whether your data is involved',
      checkIntro:
        'Enter your email address. Within a few minutes you get an email: with a link to your personal result if your data is involved, or with an explanation if we find nothing for this address.',
      emailLabel: 'Email address',
      emailHint: 'The address you use with us, for example name@example.com.',
      submit: 'Send me the result',
      sending: 'Sending…',
      invalidEmail: 'Enter a valid email address, such as name@example.com.',
      undeliverableEmail:
        'We cannot send email to an address with letters such as é or ü before the @. Use another address, or ask us to call you back.',
      noEmailRoute: 'No email address with us, or an old one?',
      assistLink: 'Ask for help with the check',
    },
    checkSent: {
      title: 'Check your mailbox',
      intro: 'If the email address is right, an email is now on its way to you.',
      expectHeading: 'What will you get?',
      expect: [
        `Is your data involved? Then you get an email with a personal link to your result. The link works for ${config.retention.tokenHours} hours; once you have opened it, for ${config.retention.resultWindowMinutes} more minutes.`,
        'Do we find nothing for this address? Then you get an email saying so, explaining how we can help you another way.',
        'The email never contains your data itself, only which kinds of data are involved.',
      ],
      senderLine: `The email comes from ${config.sender.name} <${config.sender.address}>.`,
      domainsLine: `Genuine emails from ${org} only come from addresses where the part after the @ is exactly ${domains} or ends in ${endings}.`,
      whyHeading: 'Why is the result not shown here on screen?',
      why: [
        'Anyone can type in an email address. If we showed the result here, someone else could see whether your data was exposed.',
        'By sending the result only to the address itself, only the owner of that mailbox sees the answer.',
      ],
      noMailHeading: 'No email?',
      noMail: [
        'Wait a few minutes: it can take a little while.',
        'Look in your junk (spam) folder.',
        'Check that you typed the right address, and do the check again if needed.',
        'Still nothing? We may hold another address for you, or none. Ask for help with the check: we will call you back.',
      ],
      assistLink: 'Ask for help with the check',
    },
    result: {
      title: 'Your result',
      loading: 'Fetching your result…',
      exposedHeading: 'This data of yours was taken',
      exposedIntro: 'The most important comes first. Each item says what you can do.',
      matchedRecords: 'We found {count} customer records for this email address; below you see them all together.',
      matchedOneRecord: 'We found one customer record for this email address.',
      readGuidance: 'What can you do?',
      nothingHeading: 'None of your data was taken',
      nothing:
        'For this email address no data was found among what was downloaded in this breach. You do not need to do anything.',
      checkAgain: 'Do the check again',
      tokenExpiredHeading: 'This link has expired',
      tokenExpired: `Links in our email work for ${config.retention.tokenHours} hours. Do the check again: you get a new email straight away.`,
      tokenUsedHeading: 'This link has already been used',
      tokenUsed:
        'To protect your data, a link only works for a short while after you first open it. Do the check again for a new link.',
      tokenUnknownHeading: 'This link does not work',
      tokenUnknown:
        'We do not recognise this link. Perhaps it was not copied completely. Open the link from the email again, or do the check again.',
      networkHeading: 'Your result could not be fetched',
      network: 'We could not connect. Check your internet connection and try again.',
      retry: 'Try again',
      noTokenHeading: 'Open this page through the link in your email',
      noToken: 'This page only shows your result when you open it through the personal link in our email.',
      doFirstHeading: 'Do these first',
      print: 'Print or save as PDF',
      nextStepsHeading: 'Watch out for phishing',
      nextSteps: [
        `Criminals can use this data to pose as ${org}, your bank or the government.`,
        `${org} never asks for your password, login codes or bank details.`,
      ],
    },
    assist: {
      title: 'Help with the check',
      intro: [
        'Cannot do the check by email, for example because we have no email address for you? Leave your details and an agent will call you back to look it up with you.',
        `We use what you enter here only to call you back. It is stored encrypted and deleted within ${config.retention.assistRequestDays} days.`,
      ],
      nameLabel: 'Name',
      phoneLabel: 'Phone number',
      phoneHint: 'Where we can call you back, for example 06 12345678.',
      customerNumberLabel: 'Customer number (if you know it)',
      customerNumberHint: config.customerNumberExample
        ? `It is on your invoice, for example ${config.customerNumberExample}.`
        : 'It is on your invoice.',
      contactLegend: 'How can we find you?',
      contactHint: 'Enter a phone number or a customer number, or both.',
      preferredTimeLabel: 'When is the best time to call you?',
      preferredTimes: [
        { value: 'morning', label: 'Morning (9:00–12:00)' },
        { value: 'afternoon', label: 'Afternoon (12:00–17:00)' },
        { value: 'evening', label: 'Evening (17:00–20:00)' },
        { value: 'anytime', label: 'Any time' },
      ],
      messageLabel: 'Message (optional)',
      messageHint: 'Do not put passwords, account numbers or other sensitive data here.',
      submit: 'Ask to be called back',
      invalidName: 'Enter your name.',
      invalidPhone: 'Enter a valid phone number, such as 06 12345678 or +31 6 12345678.',
      invalidCustomerNumber: 'Enter a valid customer number, as it appears on your invoice.',
      needContact: 'Enter a phone number or a customer number.',
      invalidPreferredTime: 'Choose when we can best call you.',
      invalidMessage: 'Your message is too long. Make it shorter.',
      thanksHeading: 'Thank you, we will call you back',
      thanks: [
        config.callback
          ? `An agent will call you within ${config.callback.withinWorkingDays === 1 ? '1 working day' : `${config.callback.withinWorkingDays} working days`}, at the time you chose. We will call from ${config.callback.callerNumber}.`
          : 'An agent will call you as soon as possible, at the time you chose.',
        'Mention your reference when you call us or we call you. The agent says it too, so you know the call is about your request.',
        `Note: the agent never asks for your password, login codes or bank details. In doubt? Hang up and call ${support.phone} yourself.`,
      ],
      referenceLabel: 'Your reference:',
    },
    closing: {
      heading: 'The check has closed',
      body: [
        'This check was available until {closingDate}. The data needed for the check has been deleted.',
        `Questions about the breach? Call ${org} on ${support.phone} (${support.hours}).`,
      ],
    },
    guidanceIndex: {
      title: 'What can you do, per kind of data?',
      intro: 'Choose the kind of data of yours that was taken. The most important comes first.',
    },
    guidance: {
      whyHeading: 'Why does it matter?',
      criminalsHeading: 'What do criminals do with it?',
      stepsHeading: 'What can you do?',
      timeHeading: 'How long does it take?',
      reportHeading: 'Where to report',
      sourcesHeading: 'Sources',
      otherFields: 'Other kinds of data',
      backToResult: 'Back to your result',
    },
    redirect: { title: 'Data breach check', body: 'Choose your language:' },
  };
}
