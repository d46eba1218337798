import { pepperKeyFromStoredSecret } from '../../../functions/core/pepper-secret';

const GENERATED = 'k3Q9xTzR7mWb2LpVn8YcHd4sFa6JeU1gKo5NiBq0ArXyZw3CvTu7MlSe2DhPf9Gj';

describe('pepperKeyFromStoredSecret', () => {
  it('uses the UTF-8 bytes of the generated text as the key', () => {
    expect(GENERATED).toHaveLength(64);
    expect(Buffer.from(pepperKeyFromStoredSecret(GENERATED)).toString('utf8')).toBe(GENERATED);
  });

  it('ignores one trailing newline, as a pepper file written by an editor or echo has it', () => {
    expect(pepperKeyFromStoredSecret(`${GENERATED}\n`)).toEqual(pepperKeyFromStoredSecret(GENERATED));
    expect(pepperKeyFromStoredSecret(`${GENERATED}\r\n`)).toEqual(pepperKeyFromStoredSecret(GENERATED));
  });

  it('never decodes text that looks like base64: padding and "+/" are refused, not interpreted', () => {
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(() => pepperKeyFromStoredSecret(base64)).toThrow(/characters outside A-Z, a-z, 0-9/);
    expect(() => pepperKeyFromStoredSecret(`${GENERATED}+/`)).toThrow(/characters outside/);
  });

  it('refuses raw bytes, short text, a second line and surrounding spaces with a message naming the format', () => {
    expect(() => pepperKeyFromStoredSecret(Buffer.alloc(32, 200).toString('utf8'))).toThrow(/characters outside/);
    expect(() => pepperKeyFromStoredSecret(GENERATED.slice(0, 31))).toThrow(/\(31 characters\).*at least 32/);
    expect(() => pepperKeyFromStoredSecret(`${GENERATED}\n\n`)).toThrow(/more than one line/);
    expect(() => pepperKeyFromStoredSecret(` ${GENERATED}`)).toThrow(/docs\/deploy.md#the-pepper-format/);
  });

  it('accepts 32 characters, the shortest key allowed', () => {
    expect(pepperKeyFromStoredSecret(GENERATED.slice(0, 32)).byteLength).toBe(32);
  });
});
