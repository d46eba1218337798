import { readSmsStore } from '../../functions/local/sms-emulator';
import { type BrowserSession, openBrowserSession } from './local-stack-session';

/*
 * An agent sends a caller the result link by SMS from the staff console (issue 14): the text lands in the SMS
 * outbox stand-in with a result link, and the action is in the audit log with the ticket.
 */

jest.setTimeout(90_000);

let session: BrowserSession;
beforeAll(async () => {
  session = await openBrowserSession();
}, 120_000);
afterAll(() => session?.close());

it('texts the caller the result link to the number on record, and audits it', async () => {
  const page = await (await session.newContext()).newPage();
  await page.goto('/staff/nl');
  await page.locator('#dev-login-form input[name="user"]').fill('agent.anna');
  await page.locator('#dev-login-form input[name="password"]').fill('demo-agent');
  await page.locator('#dev-login-form button[type="submit"]').click();
  await page.locator('#console').waitFor({ state: 'visible' });

  const since = Date.now();
  await page.locator('#sms-phone').fill('06 87654321');
  await page.locator('#sms-reason').fill('beller wil de link op de telefoon');
  await page.locator('#sms-ticket').fill('INC-777001');
  await page.locator('#sms-form button[type="submit"]').click();
  await page.locator('#sms-status', { hasText: 'Gedaan' }).waitFor();

  let text: string | undefined;
  for (let attempt = 0; attempt < 100 && !text; attempt += 1) {
    const texts = await readSmsStore(session.stack.urls.sms);
    text = texts.find(
      (message) => message.destinationPhoneNumber === '+31687654321' && message.at >= since,
    )?.messageBody;
    if (!text) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(text).toMatch(new RegExp(`^${session.stack.config.organisation.name}: je nummer staat in het datalek`));
  expect(text).toContain(`${session.stack.urls.portal}/nl/result#t=`);

  await page.locator('#sms-phone').fill('020 123 4567');
  await page.locator('#sms-form button[type="submit"]').click();
  await page.locator('#sms-status', { hasText: 'Nederlandse mobiele nummers' }).waitFor();
});
