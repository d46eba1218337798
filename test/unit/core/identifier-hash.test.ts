import { createHmac } from 'node:crypto';
import { hashIdentifier, hashToken } from '../../../functions/core/identifier-hash';

const pepper = Buffer.alloc(32, 7);

describe('hashIdentifier (scheme v1)', () => {
  it('matches the known-answer vector for an email', () => {
    // Computed independently: HMAC-SHA256(key = 32 × 0x07, "v1|email|jan@example.nl"), base64url.
    const expected = createHmac('sha256', pepper).update('v1|email|jan@example.nl').digest('base64url');
    expect(hashIdentifier(pepper, 'email', 'jan@example.nl')).toBe(expected);
  });

  it('separates identifier types that share a value', () => {
    expect(hashIdentifier(pepper, 'phone', '123456789')).not.toBe(hashIdentifier(pepper, 'customerNumber', '123456789'));
  });

  it('depends on the pepper', () => {
    expect(hashIdentifier(Buffer.alloc(32, 8), 'email', 'a@b.nl')).not.toBe(hashIdentifier(pepper, 'email', 'a@b.nl'));
  });

  it('hashes tokens without a key to a fixed-length base64url string', () => {
    expect(hashToken('abc')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
