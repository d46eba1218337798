import { createHash, hash, type KeyObject } from 'node:crypto';

/*
 * HMAC-SHA256 keyed with the pepper, base64url, byte for byte what `createHmac('sha256', pepper)` gives (RFC 2104:
 * SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m))), for the import's millions of hashes. Built from two one-shot
 * `crypto.hash` calls into Buffers made once, instead of a native Hmac per hash: `createHmac` with a KeyObject re-keys
 * OpenSSL's HMAC context on every call and allocates a stream object, ≈ 1.6 µs against ≈ 0.7 µs here (CPU time,
 * docs/performance.md → Import, fifth try). SHA-256 itself is still OpenSSL's; only the two padded blocks are laid out
 * here. What makes it cheap, each measured: the inner digest comes back as a latin1 ('binary') string (a 'buffer' result costs
 * ≈ 2 µs more), the message is written into the padded block by a loop (no C++ call for a short ASCII string), and the
 * view handed to `hash` is cached per length (no object per call).
 * The two pad blocks are key material, exactly as sensitive as the pepper: they live as long as the hasher (one per
 * import worker), like the KeyObject they replace.
 */

const BLOCK = 64;
const DIGEST = 32;
/** Messages up to this many bytes are written without a C++ call, and their views are cached. */
const CACHED_LENGTH = 512;

export class PepperHmac {
  private inner = Buffer.allocUnsafeSlow(BLOCK + CACHED_LENGTH);
  private readonly outer = Buffer.allocUnsafeSlow(BLOCK + DIGEST);
  private readonly views: Buffer[] = [];

  constructor(pepper: KeyObject | Uint8Array) {
    const exported = pepper instanceof Uint8Array ? undefined : pepper.export();
    const given = exported ?? (pepper as Uint8Array);
    // RFC 2104: a key longer than the block is hashed first.
    const hashed = given.length > BLOCK ? createHash('sha256').update(given).digest() : undefined;
    const key = hashed ?? given;
    for (let index = 0; index < BLOCK; index++) {
      const byte = key[index] ?? 0;
      this.inner[index] = byte ^ 0x36;
      this.outer[index] = byte ^ 0x5c;
    }
    // Copies made here do not outlive the constructor; the caller's own bytes are the caller's to wipe.
    exported?.fill(0);
    hashed?.fill(0);
  }

  /** base64url(HMAC-SHA256(pepper, prefix + value)), strings encoded as UTF-8 (as Hmac#update does). */
  digest(prefix: string, value: string): string {
    const end = this.writeAscii(prefix, value) || this.writeUtf8(prefix + value);
    const message = end <= BLOCK + CACHED_LENGTH ? this.viewTo(end) : this.inner.subarray(0, end);
    // 'binary' is latin1: one char per byte of the digest.
    const innerDigest = hash('sha256', message, 'binary');
    const { outer } = this;
    for (let index = 0; index < DIGEST; index++) outer[BLOCK + index] = innerDigest.charCodeAt(index);
    return hash('sha256', outer, 'base64url');
  }

  /** Writes the message after the inner pad; 0 if it is not all ASCII or too long (then nothing counts). */
  private writeAscii(prefix: string, value: string): number {
    if (prefix.length + value.length > CACHED_LENGTH) return 0;
    const { inner } = this;
    let at = BLOCK;
    for (let index = 0; index < prefix.length; index++) {
      const code = prefix.charCodeAt(index);
      if (code > 0x7f) return 0;
      inner[at++] = code;
    }
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code > 0x7f) return 0;
      inner[at++] = code;
    }
    return at;
  }

  private writeUtf8(message: string): number {
    const length = Buffer.byteLength(message, 'utf8');
    if (BLOCK + length > this.inner.length) {
      const grown = Buffer.allocUnsafeSlow(BLOCK + length);
      this.inner.copy(grown, 0, 0, BLOCK);
      this.inner.fill(0, 0, BLOCK);
      this.inner = grown;
      this.views.length = 0;
    }
    return BLOCK + this.inner.write(message, BLOCK, 'utf8');
  }

  private viewTo(end: number): Buffer {
    let view = this.views[end];
    if (view === undefined) {
      view = this.inner.subarray(0, end);
      this.views[end] = view;
    }
    return view;
  }
}
