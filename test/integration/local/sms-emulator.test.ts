import { SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { EndUserMessagingSmsSender } from '../../../functions/adapters/sms/end-user-messaging-sms-sender';
import { startSms, type TestSms } from '../../support/start-sms';

/* The SMS outbox stand-in speaks SendTextMessage's wire protocol: the real SDK client works against it. */

let sms: TestSms;

beforeAll(async () => {
  sms = await startSms();
});
beforeEach(() => sms.clearStore());
afterAll(() => sms.stop());

it('stores a text sent by the real SDK client through the adapter, with its sender id and configuration set', async () => {
  const sender = new EndUserMessagingSmsSender(sms.createSmsClient(), {
    originationIdentity: 'Odido',
    configurationSetName: 'portal-sms',
  });
  await sender.send({ to: '+31612345678', text: 'Odido: test' });
  expect(await sms.readStore()).toEqual([
    {
      messageId: expect.any(String),
      destinationPhoneNumber: '+31612345678',
      originationIdentity: 'Odido',
      messageBody: 'Odido: test',
      messageType: 'TRANSACTIONAL',
      configurationSetName: 'portal-sms',
      at: expect.any(Number),
    },
  ]);
});

it('answers what the real service refuses with its AWS JSON error types', async () => {
  const client = sms.createSmsClient();
  await expect(
    client.send(new SendTextMessageCommand({ DestinationPhoneNumber: '0612345678', MessageBody: 'x' })),
  ).rejects.toMatchObject({ name: 'ValidationException' });
  await expect(
    client.send(new SendTextMessageCommand({ DestinationPhoneNumber: '+31612345678', MessageBody: '' })),
  ).rejects.toMatchObject({ name: 'ValidationException' });

  const post = (headers: Record<string, string>) =>
    fetch(sms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', ...headers },
      body: '{}',
    });
  const unsigned = await post({ 'x-amz-target': 'PinpointSMSVoiceV2.SendTextMessage' });
  expect(unsigned.status).toBe(403);
  const other = await post({
    'x-amz-target': 'PinpointSMSVoiceV2.SendVoiceMessage',
    authorization: 'AWS4-HMAC-SHA256 x',
  });
  expect(other.status).toBe(400);
  expect(await other.json()).toMatchObject({ __type: 'UnknownOperationException' });
  expect(await sms.readStore()).toEqual([]);
});

it('shows the texts on an inbox page with the link clickable and the segment count', async () => {
  const sender = new EndUserMessagingSmsSender(sms.createSmsClient(), { originationIdentity: 'Odido' });
  await sender.send({ to: '+31687654321', text: 'See http://127.0.0.1:3000/nl/result#t=abc <b>' });
  const page = await (await fetch(`${sms.endpoint}/`)).text();
  expect(page).toContain('+31687654321');
  expect(page).toContain('<a href="http://127.0.0.1:3000/nl/result#t=abc"');
  expect(page).toContain('&lt;b&gt;');
  expect(page).toContain('GSM-7');
});
