import { SECRET_BOX_MAX_PLAINTEXT_BYTES, type SecretBox } from '../../../functions/core/ports';

/** Builds a box on one of two keys: a value sealed under one must not open under the other. */
export type MakeSecretBox = (key: 'first' | 'second') => SecretBox;

/** What every SecretBox does: what KMS Encrypt/Decrypt do for the assist request details (DESIGN §2.7). */
export function describeSecretBoxContract(adapter: string, makeBox: MakeSecretBox): void {
  describe(`${adapter} SecretBox contract`, () => {
    const details = '{"name":"Zoë Jansen","phone":"+31612345678","time":"ochtend ✓"}';

    it('round-trips the text, hides it, and seals the same text differently each time', async () => {
      const box = makeBox('first');
      const sealed = await box.seal(details);
      expect(sealed).not.toContain('Zoë');
      expect(sealed).not.toContain('31612345678');
      expect(await box.open(sealed)).toBe(details);
      expect(await box.seal(details)).not.toBe(sealed);
    });

    it('refuses a tampered value and a value sealed under another key', async () => {
      const sealed = await makeBox('first').seal(details);
      // A character in the middle, changed to one it is not: every bit of it is data (the last ones may be padding).
      const at = Math.floor(sealed.length / 2);
      const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
      await expect(makeBox('first').open(tampered)).rejects.toThrow();
      await expect(makeBox('second').open(sealed)).rejects.toThrow();
    });

    it('takes up to the KMS limit in UTF-8 bytes and refuses one byte more', async () => {
      const box = makeBox('first');
      const largest = 'é'.repeat(SECRET_BOX_MAX_PLAINTEXT_BYTES / 2);
      expect(await box.open(await box.seal(largest))).toBe(largest);
      await expect(box.seal(`${largest}a`)).rejects.toThrow();
    });

    it('refuses an empty text, as KMS Encrypt does', async () => {
      await expect(makeBox('first').seal('')).rejects.toThrow();
    });
  });
}
