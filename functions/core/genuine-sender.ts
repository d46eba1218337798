/*
 * The rule the mails and the site teach customers for telling the organisation's mail from phishing: look at the
 * part after the @. It must be one of the genuine domains exactly, or end in "." + one of them (mail.example.nl
 * passes for example.nl; example.nl.secure-login.com and example-nl.com do not). The config validation holds the
 * real sender to this same rule, so the advice can never call the genuine mail fake.
 */

/** The part after the @, lower-cased; empty when there is none. */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

export function isGenuineSenderDomain(genuineDomains: readonly string[], domain: string): boolean {
  const candidate = domain.toLowerCase();
  return genuineDomains.some((genuine) => candidate === genuine || candidate.endsWith(`.${genuine}`));
}

export function isGenuineSenderAddress(genuineDomains: readonly string[], address: string): boolean {
  return isGenuineSenderDomain(genuineDomains, domainOfAddress(address));
}

/** A look-alike that starts with the genuine domain but is not in it: the example the advice warns with. */
export function lookalikeDomain(genuineDomain: string, deceptiveSuffix: string): string {
  return `${genuineDomain}.${deceptiveSuffix}`;
}

/** The sender's domain when it is a subdomain of a genuine domain: the example that shows "ends in .domain". */
export function subdomainExample(genuineDomains: readonly string[], senderAddress: string): string | undefined {
  const senderDomain = domainOfAddress(senderAddress);
  return genuineDomains.includes(senderDomain) ? undefined : senderDomain;
}

/**
 * The rule in words, for one locale's "or": `exactly` ("a.nl or b.nl") and `endings` (".a.nl or .b.nl"). The mails
 * and the site phrase the rule from this, so they all say the same thing.
 */
export function genuineDomainsPhrase(
  genuineDomains: readonly string[],
  or: string,
): { exactly: string; endings: string } {
  return {
    exactly: joinAlternatives(genuineDomains, or),
    endings: joinAlternatives(
      genuineDomains.map((domain) => `.${domain}`),
      or,
    ),
  };
}

function joinAlternatives(values: readonly string[], or: string): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} ${or} ${values[values.length - 1]}`;
}
