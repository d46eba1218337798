import { LocalDevSecretBox } from '../../../functions/adapters/kms/local-dev-secret-box';
import { assistReference } from '../../../functions/core/assist-reference';
import { parseAssistRequestDetails } from '../../../functions/core/check/create-assist-request';
import { createAssistRequestHandler } from '../../../functions/handlers/create-assist-request';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture } from './check-fixture';

function assistFixture() {
  const fixture = createCheckFixture();
  const secretBox = new LocalDevSecretBox(new Uint8Array(32).fill(3));
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
    { name: 'a huge message', body: { ...VALID, message: 'x'.repeat(5000) }, code: 'invalid_request' },
    { name: 'an unknown field', body: { ...VALID, email: 'a@example.nl' }, code: 'unknown_field' },
  ])('rejects $name with 400 $code', async ({ body, code }) => {
    const { post, stores } = assistFixture();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(await stores.assistRequests.listByStatus('open', 10)).toEqual([]);
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
