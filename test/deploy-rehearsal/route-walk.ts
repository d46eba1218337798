import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { StoredEmail } from '../../functions/local/ses-emulator';
import { type ApiAnswer, type ApiCall, answerOf, apiEvent, VIEWER_IP } from './api-events';
import { EXPECTED_HIT, EXPECTED_PHONE_HIT, HIT_EMAIL, HIT_PHONE, MISS_EMAIL, MISS_PHONE } from './breach-import';
import type { RecordedCall } from './call-recorder';
import { EventSourceMapping } from './event-source-mapping';
import type { RehearsalDeployment } from './rehearsal-deployment';

/*
 * Walks every route and the sender as a customer and a support agent would, through the synthesized bundles:
 * check (hit, miss) → queue → sender → mail → result link → result; assist request; staff look-up, re-send,
 * call-back queue, update, audit and metrics with Cognito-shaped access tokens. Each step is one outcome line; a
 * failure names the function, the AWS call that failed (from the call recorder) and the error, never a stack.
 */

export interface StepOutcome {
  step: string;
  ok: boolean;
  detail: string;
}

class StepFailure extends Error {
  /** True when the function itself failed (an unexpected status): the failed AWS call is then the likely cause. */
  constructor(
    message: string,
    readonly functionFailed = false,
  ) {
    super(message);
  }
}

/** Refusals the code expects and handles (a conditional write meeting its own item), never a failure's cause. */
const HANDLED_ERRORS = new Set(['ConditionalCheckFailedException']);
/** Before the first rotation the origin secret has no AWSPREVIOUS: the service says so, and the guard expects it. */
const handled = (call: RecordedCall) =>
  HANDLED_ERRORS.has(call.errorCode ?? '') ||
  (call.versionStage === 'AWSPREVIOUS' && call.errorCode === 'ResourceNotFoundException');

/** The result link as a mail client or a person follows it: the HTML part's href (the text part breaks long URLs). */
const RESULT_LINK = /href="https:\/\/[^"]+\/(nl|en)\/result#t=([A-Za-z0-9_-]+)"/;
const resultLinkOf = (mail: StoredEmail) => RESULT_LINK.exec(mail.body.html ?? '');
const SMS_RESULT_LINK = /https:\/\/\S+\/(nl|en)\/result#t=([A-Za-z0-9_-]+)/;

export async function walkRoutes(deployment: RehearsalDeployment): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  const sender = deployment.functions.find((fn) => fn.id === 'SendEmail');
  const senderHost = deployment.hosts.get('SendEmail');
  if (!sender || !senderHost) throw new Error('the synthesized app has no sender');
  const mapping = new EventSourceMapping(
    deployment.names,
    senderHost,
    sender.logicalId,
    deployment.endpointEnv.AWS_ENDPOINT_URL_SQS ?? '',
  );
  const [reason = '', otherReason = reason] = deployment.config.staff.reasons;
  const ticket = ticketMatching(deployment.config.staff.ticketPattern);
  const agent = deployment.cognito.mintAccessToken({ username: 'agent.anna', groups: ['agent'] });
  const supervisor = deployment.cognito.mintAccessToken({ username: 'supervisor.sam', groups: ['supervisor'] });

  const step = async (name: string, functionId: string, run: () => Promise<string>) => {
    const callsBefore = deployment.recorder.calls.length;
    try {
      outcomes.push({ step: name, ok: true, detail: await run() });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const functionFailed = !(error instanceof StepFailure) || error.functionFailed;
      const failedCall = functionFailed
        ? deployment.recorder.calls.slice(callsBefore).find((call) => call.status >= 400 && !handled(call))
        : undefined;
      const fn = deployment.functions.find((candidate) => candidate.logicalId === failedCall?.principal)?.id;
      const where = failedCall
        ? `${fn ?? failedCall.principal} ${failedCall.action} → ${failedCall.errorCode}; `
        : `${functionId}: `;
      outcomes.push({ step: name, ok: false, detail: `${where}${message}` });
    }
  };
  // Every request arrives as CloudFront forwards it: with the origin-verify header (unless a step leaves it out).
  const cloudFront = { [deployment.originVerify.header]: deployment.originVerify.value };
  const call = async (
    functionId: string,
    request: ApiCall,
    expectedStatus: number,
    originHeaders: Record<string, string> = cloudFront,
  ): Promise<ApiAnswer> => {
    const host = deployment.hosts.get(functionId);
    if (!host) throw new StepFailure(`no bundle for ${functionId}`);
    const event = apiEvent({ ...request, originHeaders });
    const answer = answerOf(await host.invoke<APIGatewayProxyStructuredResultV2>(event));
    if (answer.status !== expectedStatus) {
      const code = (answer.body.error as { code?: string } | undefined)?.code ?? 'no error code';
      throw new StepFailure(
        `${request.method} ${request.routePath} answered ${answer.status} (${code}), expected ${expectedStatus}`,
        true,
      );
    }
    return answer;
  };
  const deliver = async (to: string): Promise<StoredEmail> => {
    const { delivered, failed } = await mapping.drain();
    if (failed > 0) throw new StepFailure(`the sender failed ${failed} of ${delivered + failed} messages`);
    const mail = (await deployment.mailbox())
      .filter((m) => m.destination.to.some((address) => address.includes(to)))
      .pop();
    if (!mail) throw new StepFailure(`no mail for the address reached the SES emulator (${delivered} delivered)`);
    return mail;
  };
  const deliverText = async (to: string) => {
    const { delivered, failed } = await mapping.drain();
    if (failed > 0) throw new StepFailure(`the sender failed ${failed} of ${delivered + failed} messages`);
    const text = (await deployment.smsOutbox()).filter((sms) => sms.destinationPhoneNumber === to).pop();
    if (!text) throw new StepFailure(`no text for the number reached the SMS stand-in (${delivered} delivered)`);
    return text;
  };
  const redeem = async (token: string, expected: { recordCount: number; fields: string[] }) => {
    const { body } = await call('RedeemResult', { method: 'POST', routePath: '/api/v1/results', body: { token } }, 200);
    const fields = [...((body.exposed ?? []) as string[])].sort();
    if (body.recordCount !== expected.recordCount || fields.join() !== expected.fields.join()) {
      throw new StepFailure(
        `result lists ${fields.length} fields / ${String(body.recordCount)} records, expected ${expected.fields.length} / ${expected.recordCount}`,
      );
    }
    return `200, ${fields.length} fields, ${expected.recordCount} records`;
  };

  // The SDK retries a token write whose answer was lost; the retry meets its own item (conditional check failed)
  // and the token store reads it back. Losing one answer makes the walk take that path, so its GetItem is proven.
  const loseNextTokenWriteAnswer = (functionId: string) => {
    const principal = deployment.functions.find((fn) => fn.id === functionId)?.logicalId;
    const tokens = deployment.names.logicalIdsOfType('AWS::DynamoDB::Table').find((id) => id.includes('Tokens')) ?? '';
    const tokensArn = deployment.names.getAtt(tokens, 'Arn');
    deployment.recorder.loseNextAnswer(
      (c) => c.principal === principal && c.action === 'dynamodb:PutItem' && c.resources.includes(tokensArn),
    );
  };

  let resultToken: string | undefined;
  await step('CreateCheck (hit) → queue → SendEmail → mail with result link', 'CreateCheck', async () => {
    await deployment.clearMailbox();
    await call(
      'CreateCheck',
      { method: 'POST', routePath: '/api/v1/checks', body: { email: HIT_EMAIL, locale: 'en' } },
      202,
    );
    const mail = await deliver(HIT_EMAIL);
    const link = resultLinkOf(mail);
    if (!link)
      throw new StepFailure(
        'hit got the no-record mail (no result link): the lookup hash does not match the imported one',
      );
    resultToken = link[2];
    return `202, mail "${mail.subject}" with a result link`;
  });

  await step('RedeemResult (result link) → fields and count', 'RedeemResult', async () => {
    if (!resultToken) throw new StepFailure('no result token: the hit mail had no result link');
    return redeem(resultToken, EXPECTED_HIT);
  });

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
    const link = SMS_RESULT_LINK.exec(text.messageBody);
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
    if (SMS_RESULT_LINK.test(text.messageBody)) throw new StepFailure('the phone miss got a text with a result link');
    return '202, text without a result link';
  });

  await step(
    'CreateCheck (miss, token write answer lost → SDK retry) → SendEmail → no-record mail',
    'CreateCheck',
    async () => {
      await deployment.clearMailbox();
      loseNextTokenWriteAnswer('CreateCheck');
      await call(
        'CreateCheck',
        { method: 'POST', routePath: '/api/v1/checks', body: { email: MISS_EMAIL, locale: 'en' } },
        202,
      );
      const mail = await deliver(MISS_EMAIL);
      if (resultLinkOf(mail)) throw new StepFailure('the miss got a mail with a result link');
      return `202, mail "${mail.subject}" without a result link`;
    },
  );

  await step('CreateAssistRequest (KMS Encrypt)', 'CreateAssistRequest', async () => {
    const body = { name: 'Jan de Vries', phone: '06-12345678', preferredTime: 'weekdays after 18:00', locale: 'en' };
    await call('CreateAssistRequest', { method: 'POST', routePath: '/api/v1/assist-requests', body }, 202);
    return '202 accepted';
  });

  await step('StaffLookup (agent token)', 'StaffLookup', async () => {
    const body = { type: 'email', value: HIT_EMAIL, reason, ticket };
    const answer = await call(
      'StaffLookup',
      { method: 'POST', routePath: '/api/v1/staff/lookups', body, bearer: agent },
      200,
    );
    if (answer.body.found !== true || answer.body.records !== EXPECTED_HIT.recordCount) {
      throw new StepFailure(
        `lookup found=${String(answer.body.found)} records=${String(answer.body.records)}, expected ${EXPECTED_HIT.recordCount}`,
      );
    }
    return `200, found, ${String(answer.body.records)} records`;
  });

  await step(
    'StaffConfirmation (agent, token write answer lost) → SendEmail → mail with result link',
    'StaffConfirmation',
    async () => {
      await deployment.clearMailbox();
      loseNextTokenWriteAnswer('StaffConfirmation');
      const body = {
        email: HIT_EMAIL,
        reason: otherReason,
        ticket,
        locale: 'en',
      };
      await call(
        'StaffConfirmation',
        { method: 'POST', routePath: '/api/v1/staff/confirmations', body, bearer: agent },
        202,
      );
      const mail = await deliver(HIT_EMAIL);
      if (!resultLinkOf(mail)) throw new StepFailure('the re-sent mail has no result link');
      return `202, mail "${mail.subject}" with a result link`;
    },
  );

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
      if (!SMS_RESULT_LINK.test(text.messageBody)) throw new StepFailure('the re-sent text has no result link');
      return '202, text with a result link';
    },
  );

  let requestId: string | undefined;
  await step('StaffListAssistRequests (agent, KMS Decrypt)', 'StaffListAssistRequests', async () => {
    const answer = await call(
      'StaffListAssistRequests',
      { method: 'GET', routePath: '/api/v1/staff/assist-requests', query: { status: 'open' }, bearer: agent },
      200,
    );
    const items = (answer.body.items ?? []) as { id: string; details?: { name?: string } }[];
    const mine = items.find((item) => item.details?.name === 'Jan de Vries');
    if (!mine)
      throw new StepFailure(`the open queue (${items.length} items) lacks the request with its details decrypted`);
    requestId = mine.id;
    return `200, ${items.length} open, details decrypted`;
  });

  await step('StaffUpdateAssistRequest (agent)', 'StaffUpdateAssistRequest', async () => {
    if (!requestId) throw new StepFailure('no assist request to update');
    const path = `/api/v1/staff/assist-requests/${requestId}`;
    const body = { status: 'in_progress', note: 'called, no answer', claim: 'take' };
    const answer = await call(
      'StaffUpdateAssistRequest',
      {
        method: 'PATCH',
        routePath: '/api/v1/staff/assist-requests/{id}',
        path,
        pathParameters: { id: requestId },
        body,
        bearer: agent,
      },
      200,
    );
    return `200, status ${String(answer.body.status)}`;
  });

  await step('StaffAudit (supervisor)', 'StaffAudit', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const answer = await call(
      'StaffAudit',
      { method: 'GET', routePath: '/api/v1/staff/audit', query: { from }, bearer: supervisor },
      200,
    );
    const rows = JSON.stringify(answer.body);
    for (const action of ['lookup', 'confirmation', 'list_assist_requests']) {
      if (!rows.includes(`"${action}"`)) throw new StepFailure(`the audit log lacks the ${action} of this walk`);
    }
    return "200, the walk's staff actions are in the log";
  });

  await step('StaffMetrics (supervisor)', 'StaffMetrics', async () => {
    const answer = await call(
      'StaffMetrics',
      { method: 'GET', routePath: '/api/v1/staff/metrics', query: { days: '1' }, bearer: supervisor },
      200,
    );
    return `200, ${Object.keys(answer.body).join(', ')}`;
  });

  await step('every function’s logs and metrics: no address, name, number, IP or token', 'logs', async () => {
    const secrets = [
      HIT_EMAIL,
      MISS_EMAIL,
      'Jan de Vries',
      '06-12345678',
      HIT_PHONE.e164,
      MISS_PHONE.input,
      MISS_PHONE.e164,
      VIEWER_IP,
      deployment.originVerify.value,
      ...(resultToken ? [resultToken] : []),
      ...(phoneToken ? [phoneToken] : []),
    ];
    for (const [functionId, host] of deployment.hosts) {
      const leaked = secrets.filter((secret) => host.printed.includes(secret)).length;
      if (leaked > 0) throw new StepFailure(`${functionId} printed ${leaked} of the walk's identifiers to its log`);
    }
    return `${deployment.hosts.size} functions' output checked`;
  });

  mapping.destroy();
  return outcomes;
}

/** A ticket reference the configured pattern accepts: the default's INC-123456 or, for another pattern, a search. */
function ticketMatching(pattern: string): string {
  const matches = new RegExp(pattern);
  const candidates = ['INC-123456', 'INC123456', 'SR00042', '123456', 'T-1', 'ABC-1234'];
  const found = candidates.find((candidate) => matches.test(candidate));
  if (!found) throw new Error(`no rehearsal ticket matches config.staff.ticketPattern ${pattern}`);
  return found;
}
