import { EXPECTED_PHONE_HIT, HIT_EMAIL, HIT_PHONE, MISS_PHONE } from './breach-import';
import { resultLinkOfText, StepFailure, type Walk } from './walk-context';

/*
 * The steps merged after the first walk: the origin check (a request that did not come through CloudFront) and the
 * phone checks (DESIGN §9): hit → text with the result link → result, miss → text without one, and the staff's
 * text re-send. The texts reach the SMS stand-in through the recording front, so the sender's
 * sms-voice:SendTextMessage is held against its policy like every other call.
 */

/** Returns the phone hit's result token, for the log check. */
export async function walkOriginAndPhoneChecks(walk: Walk): Promise<string | undefined> {
  const { deployment, step, call, deliverText, redeem } = walk;
  await step('CreateCheck without the origin header → 403, only the secret read', 'CreateCheck', async () => {
    const callsBefore = deployment.recorder.calls.length;
    const answer = await call(
      'CreateCheck',
      { method: 'POST', routePath: '/api/v1/checks', body: { email: HIT_EMAIL, locale: 'en' } },
      403,
      {},
    );
    const code = (answer.body.error as { code?: string } | undefined)?.code;
    if (code !== 'forbidden_origin') throw new StepFailure(`answered 403 with ${String(code)}, not forbidden_origin`);
    const others = deployment.recorder.calls
      .slice(callsBefore)
      .filter((made) => made.action !== 'secretsmanager:GetSecretValue');
    if (others.length > 0) throw new StepFailure(`it still called ${others.map((made) => made.action).join(', ')}`);
    return '403 forbidden_origin, no AWS call besides the origin secret';
  });

  let phoneToken: string | undefined;
  await step('CreateCheck (phone hit) → queue → SendEmail → text with result link', 'CreateCheck', async () => {
    await deployment.clearSmsOutbox();
    await call(
      'CreateCheck',
      { method: 'POST', routePath: '/api/v1/checks', body: { phone: HIT_PHONE.input, locale: 'en' } },
      202,
    );
    const text = await deliverText(HIT_PHONE.e164);
    const link = resultLinkOfText(text);
    if (!link) throw new StepFailure('the phone hit got a text without a result link');
    phoneToken = link[2];
    return `202, text from ${text.originationIdentity} with a result link`;
  });

  await step('RedeemResult (text link) → fields and count', 'RedeemResult', async () => {
    if (!phoneToken) throw new StepFailure('no result token: the hit text had no result link');
    return redeem(phoneToken, EXPECTED_PHONE_HIT);
  });

  await step('CreateCheck (phone miss) → SendEmail → text without link', 'CreateCheck', async () => {
    await deployment.clearSmsOutbox();
    await call(
      'CreateCheck',
      { method: 'POST', routePath: '/api/v1/checks', body: { phone: MISS_PHONE.input, locale: 'en' } },
      202,
    );
    const text = await deliverText(MISS_PHONE.e164);
    if (resultLinkOfText(text)) throw new StepFailure('the phone miss got a text with a result link');
    return '202, text without a result link';
  });

  return phoneToken;
}

export async function walkStaffText(walk: Walk): Promise<void> {
  const { deployment, step, call, deliverText, otherReason, ticket, agent } = walk;
  await step(
    'StaffConfirmation by phone (agent) → SendEmail → text with result link',
    'StaffConfirmation',
    async () => {
      await deployment.clearSmsOutbox();
      const body = { phone: HIT_PHONE.input, reason: otherReason, ticket, locale: 'en' };
      await call(
        'StaffConfirmation',
        { method: 'POST', routePath: '/api/v1/staff/confirmations', body, bearer: agent },
        202,
      );
      const text = await deliverText(HIT_PHONE.e164);
      if (!resultLinkOfText(text)) throw new StepFailure('the re-sent text has no result link');
      return '202, text with a result link';
    },
  );
}
