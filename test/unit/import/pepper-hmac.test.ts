import { createHmac, createSecretKey } from 'node:crypto';
import fc from 'fast-check';
import { hashIdentifier } from '../../../functions/core/identifier-hash';
import { PepperHmac } from '../../../functions/import/pepper-hmac';

const reference = (key: Uint8Array, message: string) => createHmac('sha256', key).update(message).digest('base64url');

// Messages as the import makes them (short ASCII), and everything else that takes the other paths: non-ASCII, lone
// surrogates (both sides encode them as U+FFFD), longer than the cached length, longer than the first Buffer.
const messagePart = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 500, maxLength: 1200 }),
);
// Keys: the pepper text format (64 ASCII chars), raw random bytes, and keys longer than SHA-256's block (hashed first).
const key = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{64}$/).map((text) => Buffer.from(text, 'utf8')),
  fc.uint8Array({ minLength: 32, maxLength: 64 }),
  fc.uint8Array({ minLength: 65, maxLength: 200 }),
);

describe('PepperHmac', () => {
  it('equals createHmac byte for byte, for any key and message, across calls on one instance', () => {
    fc.assert(
      fc.property(key, fc.array(fc.tuple(messagePart, messagePart), { minLength: 1, maxLength: 6 }), (bytes, parts) => {
        const hmac = new PepperHmac(bytes);
        for (const [prefix, value] of parts) {
          expect(hmac.digest(prefix, value)).toBe(reference(bytes, prefix + value));
        }
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it('gives hashIdentifier’s digest when keyed with a KeyObject, and leaves the key usable', () => {
    const pepper = Buffer.from('Ab3dEfGh1jKlMn0pQrStUvWxYz9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789');
    const keyObject = createSecretKey(pepper);
    const hmac = new PepperHmac(keyObject);
    expect(hmac.digest('v1|email|', 'jan@example.nl')).toBe(hashIdentifier(pepper, 'email', 'jan@example.nl'));
    expect(hmac.digest('v1|phone|', '+31612345678')).toBe(hashIdentifier(keyObject, 'phone', '+31612345678'));
  });

  it('a long message in between does not disturb the short ones after it', () => {
    const pepper = Buffer.alloc(32, 7);
    const hmac = new PepperHmac(pepper);
    const long = 'é'.repeat(2000);
    expect(hmac.digest('v1|email|', 'a@b.nl')).toBe(reference(pepper, 'v1|email|a@b.nl'));
    expect(hmac.digest('v1|email|', long)).toBe(reference(pepper, `v1|email|${long}`));
    expect(hmac.digest('v1|email|', 'a@b.nl')).toBe(reference(pepper, 'v1|email|a@b.nl'));
  });
});
