import { LocalDevSecretBox } from '../../../functions/adapters/kms/local-dev-secret-box';
import { assistReference } from '../../../functions/core/assist-reference';
import {
  ASSIST_MESSAGE_MAX_LENGTH,
  ASSIST_NAME_MAX_LENGTH,
  ASSIST_PREFERRED_TIME_MAX_LENGTH,
} from '../../../functions/core/check/api-schemas';
import { parseAssistRequestDetails } from '../../../functions/core/check/create-assist-request';
import { SECRET_BOX_MAX_PLAINTEXT_BYTES } from '../../../functions/core/ports';
import { createAssistRequestHandler } from '../../../functions/handlers/create-assist-request';
import { assistFieldError } from '../../../site/src/scripts/assist-api-errors';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture } from './check-fixture';

/** The local secret box, recording the UTF-8 size of every plaintext it is asked to seal (what KMS would get). */
class SizeRecordingSecretBox extends LocalDevSecretBox {
  readonly sealedBytes: number[] = [];
  override async seal(plaintext: string): Promise<string> {
    this.sealedBytes.push(Buffer.byteLength(plaintext, 'utf8'));
    return super.seal(plaintext);
  }
}

function assistFixture() {
  const fixture = createCheckFixture();
  const secretBox = new SizeRecordingSecretBox(new Uint8Array(32).fill(3));
  const handler = createAssistRequestHandler({ ...fixture.deps, secretBox });
  const post = (body: unknown, sourceIp?: string) =>
    invoke(handler, jsonEvent(body, { path: '/api/v1/assist-requests', sourceIp }));
  return { ...fixture, secretBox, post };
}

const VALID = { name: 'Jan Jansen', phone: '06-12345678', preferredTime: 'weekdays after 18:00', locale: 'en' };

describe('POST /api/v1/assist-requests', () => {
  it('stores the details sealed, normalised, open for staff and expiring within the retention', async () => {
    const { post, stores, secretBox, clock } = assistFixture();
    const response = await post({ ...VALID, customerNumber: ' 123-456-789 ', message: '' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      status: 'accepted',
      reference: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
    });
    const [request] = await stores.assistRequests.listByStatus('open', 10);
    // The customer's reference is the one the agent sees next to the request, derived from its id.
    expect((response.body as { reference: string }).reference).toBe(assistReference(request?.id ?? ''));
    expect(request?.locale).toBe('en');
    expect(request?.sealedDetails).not.toContain('Jan');
    expect(request?.expiresAtEpochSeconds).toBe(
      Math.floor(clock.now() / 1000) + config.retention.assistRequestDays * 86_400,
    );
    expect(parseAssistRequestDetails(await secretBox.open(request?.sealedDetails ?? ''))).toEqual({
      name: 'Jan Jansen',
      phone: '+31612345678',
      customerNumber: '123456789',
      preferredTime: 'weekdays after 18:00',
    });
  });

  it.each([
    { name: 'no phone or customer number', body: { name: 'Jan', preferredTime: 'any' }, code: 'missing_contact' },
    {
      name: 'only empty contacts',
      body: { name: 'Jan', phone: ' ', customerNumber: '', preferredTime: 'any' },
      code: 'missing_contact',
    },
    { name: 'an invalid phone', body: { ...VALID, phone: '12' }, code: 'invalid_phone' },
    { name: 'a phone of the wrong type', body: { ...VALID, phone: 612345678 }, code: 'invalid_phone' },
    {
      name: 'an invalid customer number',
      body: { ...VALID, phone: undefined, customerNumber: 'ABC' },
      code: 'invalid_customer_number',
    },
    { name: 'an empty name', body: { ...VALID, name: '  ' }, code: 'invalid_name' },
    { name: 'a huge message', body: { ...VALID, message: 'x'.repeat(5000) }, code: 'invalid_message' },
    { name: 'an unknown field', body: { ...VALID, email: 'a@example.nl' }, code: 'unknown_field' },
  ])('rejects $name with 400 $code', async ({ body, code }) => {
    const { post, stores } = assistFixture();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(await stores.assistRequests.listByStatus('open', 10)).toEqual([]);
  });

  describe('KMS Encrypt takes at most 4 096 bytes: what is sealed is bounded in bytes, not UTF-16 units', () => {
    // The longest input the schema accepts (it counts characters, i.e. code points): 4-byte characters are the most
    // UTF-8 per character.
    const longest = (char: string) => ({
      name: char.repeat(ASSIST_NAME_MAX_LENGTH),
      phone: '+31 6 1234 5678',
      customerNumber: '123-456-789',
      preferredTime: char.repeat(ASSIST_PREFERRED_TIME_MAX_LENGTH),
      message: char.repeat(ASSIST_MESSAGE_MAX_LENGTH),
      locale: 'nl',
    });

    it.each(['😀', '𝄞', '漢', 'ह', '€', 'é'])(
      'accepts the longest valid request in "%s" and seals ≤ 4 096 bytes',
      async (char) => {
        const { post, secretBox } = assistFixture();
        const response = await post(longest(char));
        expect(response.status).toBe(202);
        expect(secretBox.sealedBytes).toHaveLength(1);
        expect(secretBox.sealedBytes[0]).toBeLessThanOrEqual(SECRET_BOX_MAX_PLAINTEXT_BYTES);
      },
    );

    it('one more character in any field is refused by the schema, not by KMS', async () => {
      const { post, secretBox } = assistFixture();
      const body = longest('😀');
      for (const [field, code] of [
        ['name', 'invalid_name'],
        ['preferredTime', 'invalid_preferred_time'],
        ['message', 'invalid_message'],
      ] as const) {
        const response = await post({ ...body, [field]: `${body[field]}😀` });
        expect({
          field,
          status: response.status,
          code: (response.body as { error?: { code: string } }).error?.code,
        }).toEqual({
          field,
          status: 400,
          code,
        });
      }
      expect(secretBox.sealedBytes).toEqual([]);
    });

    it('answers a request that only grows past the limit when serialised with 400 assist_request_too_long', async () => {
      const { post, secretBox, stores } = assistFixture();
      // Control characters are 1 character each but 6 bytes as JSON escapes (\u0001): 700 of them are 4 200 bytes.
      const control = (length: number) => `a${'\u0001'.repeat(length - 2)}z`;
      const response = await post({
        ...VALID,
        preferredTime: control(ASSIST_PREFERRED_TIME_MAX_LENGTH),
        message: control(ASSIST_MESSAGE_MAX_LENGTH),
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'assist_request_too_long', message: expect.any(String) } });
      expect(secretBox.sealedBytes).toEqual([]);
      expect(await stores.assistRequests.listByStatus('open', 10)).toEqual([]);
      // The site shows its own localised "make your message shorter" for this code.
      expect(assistFieldError('assist_request_too_long', '')).toEqual({
        field: 'message',
        messageKey: 'invalid_message',
      });
    });

    it('keeps the local secret box to the KMS limit, so the local stack refuses what KMS would', async () => {
      const box = new LocalDevSecretBox(new Uint8Array(32).fill(3));
      await expect(box.seal('x'.repeat(SECRET_BOX_MAX_PLAINTEXT_BYTES))).resolves.toEqual(expect.any(String));
      await expect(box.seal('x'.repeat(SECRET_BOX_MAX_PLAINTEXT_BYTES + 1))).rejects.toThrow(/4096 bytes/);
    });
  });

  it('limits requests per IP per hour', async () => {
    const { post } = assistFixture();
    for (let i = 0; i < config.limits.assistRequestsPerIpPerHour; i += 1) {
      expect((await post(VALID, '198.51.100.1')).status).toBe(202);
    }
    const refused = await post(VALID, '198.51.100.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(VALID, '198.51.100.2')).status).toBe(202);
  });
});
