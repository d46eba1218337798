import { VIEWER_IP } from './api-events';
import { EXPECTED_HIT, HIT_EMAIL, HIT_PHONE, MISS_EMAIL, MISS_PHONE } from './breach-import';
import { walkOriginAndPhoneChecks, walkStaffText } from './phone-walk';
import type { RehearsalDeployment } from './rehearsal-deployment';
import { resultLinkOf, StepFailure, type StepOutcome, startWalk } from './walk-context';

export type { StepOutcome } from './walk-context';

/*
 * Walks every route and the sender as a customer and a support agent would, through the synthesized bundles:
 * check (hit, miss) → queue → sender → mail → result link → result; the origin and phone steps (phone-walk.ts);
 * assist request; staff look-up, re-send by mail and by text, call-back queue, update and claim, audit and metrics
 * with Cognito-shaped access tokens. Each step is one outcome line (the step runner is in walk-context.ts).
 */

export async function walkRoutes(deployment: RehearsalDeployment): Promise<StepOutcome[]> {
  const walk = startWalk(deployment);
  const { outcomes, mapping, step, call, deliver, redeem, loseNextTokenWriteAnswer } = walk;
  const { reason, otherReason, ticket, agent, supervisor } = walk;
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

  const phoneToken = await walkOriginAndPhoneChecks(walk);

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

  await walkStaffText(walk);

  let requestId: string | undefined;
  await step('StaffListAssistRequests (agent, KMS Decrypt)', 'StaffListAssistRequests', async () => {
    const answer = await call(
      'StaffListAssistRequests',
      {
        method: 'GET',
        routePath: '/api/v1/staff/assist-requests',
        query: { status: 'open', limit: '5' },
        bearer: agent,
      },
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
    return `200, status ${String(answer.body.status)}, claimed`;
  });

  await step('StaffUpdateAssistRequest (another agent, claimed) → 409', 'StaffUpdateAssistRequest', async () => {
    if (!requestId) throw new StepFailure('no assist request to update');
    const otherAgent = deployment.cognito.mintAccessToken({ username: 'agent.bram', groups: ['agent'] });
    const answer = await call(
      'StaffUpdateAssistRequest',
      {
        method: 'PATCH',
        routePath: '/api/v1/staff/assist-requests/{id}',
        path: `/api/v1/staff/assist-requests/${requestId}`,
        pathParameters: { id: requestId },
        body: { status: 'done', claim: 'take' },
        bearer: otherAgent,
      },
      409,
    );
    return `409 ${String((answer.body.error as { code?: string } | undefined)?.code)}`;
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
