import { isIPv4, isIPv6 } from 'node:net';

/*
 * What a per-IP limit counts (docs/security.md, "IPv6"). One IPv4 address is one subscriber line at most; one IPv6
 * subscriber gets a whole /64 (often a /56), i.e. 2^64 addresses to rotate through. So an IPv6 address is counted by
 * its prefix (config.limits.ipv6PrefixLength, default 64), an IPv4 address — also written IPv4-mapped
 * (::ffff:192.0.2.1) — by itself. The key is hashed with the pepper before it is stored (rate-limit.ts).
 */

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function ipCountingKey(ip: string, ipv6PrefixLength: number): string {
  const address = ip.trim().replace(/%.*$/, '');
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  const kept = groups.map((group, index) => {
    const bitsLeft = ipv6PrefixLength - index * 16;
    if (bitsLeft >= 16) return group;
    if (bitsLeft <= 0) return 0;
    return group & (0xffff << (16 - bitsLeft)) & 0xffff;
  });
  return `${kept.map((group) => group.toString(16)).join(':')}/${ipv6PrefixLength}`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 part converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (dotted) {
    const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const before = parse(head);
  const after = tail === undefined ? [] : parse(tail);
  const zeros = new Array<number>(8 - before.length - after.length).fill(0);
  return [...before, ...zeros, ...after];
}
