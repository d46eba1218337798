import { hashIdentifier, hashToken } from '../../../functions/core/identifier-hash';

/*
 * Known-answer vectors for scheme v1, computed once outside this code base so a change to the scheme (separator,
 * prefix, encoding, UTF-8 handling) cannot pass unnoticed:
 *   printf '%s' 'v1|email|jan@example.nl' \
 *     | openssl dgst -sha256 -mac HMAC -macopt hexkey:<key hex> -binary | base64 | tr '+/' '-_' | tr -d '='
 */

const PEPPER_SEVENS = Buffer.alloc(32, 7); // hexkey:0707…07 (32 bytes)
const PEPPER_COUNTING = Buffer.from(Array.from({ length: 32 }, (_, i) => i)); // hexkey:000102…1f

describe('hashIdentifier (scheme v1)', () => {
  it.each([
    [PEPPER_SEVENS, 'email', 'jan@example.nl', 'MQaWDohDZ8b4BzGh5AnnJ-61t-HF83ApmKYD53JxcjE'],
    [PEPPER_SEVENS, 'phone', '+31612345678', 'W_TMX7qXyX3xsZqvTi55ae6Kwly4R0VwMpgV4Jaf1hY'],
    [PEPPER_SEVENS, 'customerNumber', '123456789', 'Zfshz3Sl2lVuFfNm90pz77Yhg2ZU3lDWE4b0r9V9iSE'],
    [PEPPER_SEVENS, 'email', 'jan@xn--bcher-kva.de', 'JLCdJaoHr5utGf0DJfsmcev_4_qD6XmHtXj2pqmbP4U'],
    [PEPPER_SEVENS, 'email', 'jos\u00e9@example.nl', '3DasW58PpvKonJeWsWg-MfVx2JAyoTjVWIRV6FTOTBI'],
    [PEPPER_COUNTING, 'email', 'jan@example.nl', 'AZ2CTGHx_FRNQBETb8bt9mopi7D-RKK3FOlZOi2dlD4'],
    [PEPPER_COUNTING, 'phone', '+31612345678', 'gORABq7ZfJbZh2sCOcZ5qetrxE9atM1WhuCsT6Tuevg'],
    [PEPPER_COUNTING, 'customerNumber', '123456789', '30TX08KT3scINlNgJxgL416XLuVzF6shGGqyh1s-GDY'],
    [PEPPER_COUNTING, 'email', 'jan@xn--bcher-kva.de', 'sfDJ4UXgJ9evaS-ZG15T-cf32IzyVM1Rbo52yX4i5tc'],
    [PEPPER_COUNTING, 'email', 'jos\u00e9@example.nl', 'UonFad6escvlPPjYaEYGpBIwdzrXfDukWq069lXxLIo'],
  ] as const)('matches the known answer (pepper %#) for %s %s', (pepper, type, normalised, expected) => {
    expect(hashIdentifier(pepper, type, normalised)).toBe(expected);
  });

  it('separates identifier types that share a value', () => {
    expect(hashIdentifier(PEPPER_SEVENS, 'phone', '123456789')).not.toBe(
      hashIdentifier(PEPPER_SEVENS, 'customerNumber', '123456789'),
    );
  });

  it('depends on the pepper', () => {
    expect(hashIdentifier(Buffer.alloc(32, 8), 'email', 'a@b.nl')).not.toBe(
      hashIdentifier(PEPPER_SEVENS, 'email', 'a@b.nl'),
    );
  });
});

describe('hashToken', () => {
  it('is unkeyed SHA-256 in base64url (known answer for "abc")', () => {
    // printf 'abc' | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '='
    expect(hashToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});
