import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { StoredEmail } from '../../functions/local/emulators/ses-emulator';
import type { StoredSms } from '../../functions/local/emulators/sms-emulator';
import { type ApiAnswer, type ApiCall, answerOf, apiEvent } from './api-events';
import type { RecordedCall } from './call-recorder';
import { EventSourceMapping } from './event-source-mapping';
import type { RehearsalDeployment } from './rehearsal-deployment';

/*
 * What every step of the walk shares: the step runner (one outcome line each; a failure names the function, the AWS
 * call that failed and its error, never a stack), API calls as CloudFront forwards them, the sender run as its event
 * source mapping would, the staff identities and the config's own reasons and ticket shape.
 */

export interface StepOutcome {
  step: string;
  ok: boolean;
  detail: string;
}

export class StepFailure extends Error {
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
export const resultLinkOf = (mail: StoredEmail) => RESULT_LINK.exec(mail.body.html ?? '');
/** In a text the link stands on its own. */
const SMS_RESULT_LINK = /https:\/\/\S+\/(nl|en)\/result#t=([A-Za-z0-9_-]+)/;
export const resultLinkOfText = (text: StoredSms) => SMS_RESULT_LINK.exec(text.messageBody);

export type Walk = ReturnType<typeof startWalk>;

export function startWalk(deployment: RehearsalDeployment) {
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

  return {
    deployment,
    outcomes,
    mapping,
    reason,
    otherReason,
    ticket,
    agent,
    supervisor,
    step,
    call,
    deliver,
    deliverText,
    redeem,
    loseNextTokenWriteAnswer,
  };
}

/** A ticket reference the configured pattern accepts: the default's INC-123456 or, for another pattern, a search. */
function ticketMatching(pattern: string): string {
  const matches = new RegExp(pattern);
  const candidates = ['INC-123456', 'INC123456', 'SR00042', '123456', 'T-1', 'ABC-1234'];
  const found = candidates.find((candidate) => matches.test(candidate));
  if (!found) throw new Error(`no rehearsal ticket matches config.staff.ticketPattern ${pattern}`);
  return found;
}
