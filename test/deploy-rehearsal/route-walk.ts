import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { StoredEmail } from '../../functions/local/ses-emulator';
import { type ApiAnswer, type ApiCall, answerOf, apiEvent, VIEWER_IP } from './api-events';
import { EXPECTED_HIT, HIT_EMAIL, MISS_EMAIL } from './breach-import';
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

/** The result link as a mail client or a person follows it: the HTML part's href (the text part breaks long URLs). */
const RESULT_LINK = /href="https:\/\/[^"]+\/(nl|en)\/result#t=([A-Za-z0-9_-]+)"/;
const resultLinkOf = (mail: StoredEmail) => RESULT_LINK.exec(mail.body.html ?? '');

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
        ? deployment.recorder.calls
            .slice(callsBefore)
            .find((call) => call.status >= 400 && !HANDLED_ERRORS.has(call.errorCode ?? ''))
        : undefined;
      const fn = deployment.functions.find((candidate) => candidate.logicalId === failedCall?.principal)?.id;
      const where = failedCall
        ? `${fn ?? failedCall.principal} ${failedCall.action} → ${failedCall.errorCode}; `
        : `${functionId}: `;
      outcomes.push({ step: name, ok: false, detail: `${where}${message}` });
    }
  };
  const call = async (functionId: string, request: ApiCall, expectedStatus: number): Promise<ApiAnswer> => {
    const host = deployment.hosts.get(functionId);
    if (!host) throw new StepFailure(`no bundle for ${functionId}`);
    const answer = answerOf(await host.invoke<APIGatewayProxyStructuredResultV2>(apiEvent(request)));
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
    const { body } = await call(
      'RedeemResult',
      { method: 'POST', routePath: '/api/v1/results', body: { token: resultToken } },
      200,
    );
    const fields = [...((body.exposed ?? []) as string[])].sort();
    if (body.recordCount !== EXPECTED_HIT.recordCount || fields.join() !== EXPECTED_HIT.fields.join()) {
      throw new StepFailure(
        `result lists ${fields.length} fields / ${String(body.recordCount)} records, expected ${EXPECTED_HIT.fields.length} / ${EXPECTED_HIT.recordCount}`,
      );
    }
    return `200, ${fields.length} fields, ${EXPECTED_HIT.recordCount} records`;
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
    const body = { type: 'email', value: HIT_EMAIL, reason: 'customer called', ticket: 'INC-123456' };
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
        reason: 'customer asked for the mail again',
        ticket: 'INC-123456',
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
    const body = { status: 'in_progress', note: 'called, no answer' };
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
      VIEWER_IP,
      ...(resultToken ? [resultToken] : []),
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
