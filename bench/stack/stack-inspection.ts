import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { localTableNames, type TableNames } from '../../contract/tables';
import type { StoredEmail } from '../../functions/local/emulators/ses-emulator';

/*
 * What a reliability script reads back from the stack after a run, over the emulators' own APIs: the mail the SES
 * emulator stored, the DynamoDB items (for the accepted-check metric and the privacy scan).
 */

export const STACK_TABLE_NAMES: TableNames = localTableNames();

export async function readStoredMail(sesEndpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  if (!response.ok) throw new Error(`GET /store answered ${response.status}`);
  return ((await response.json()) as { emails?: StoredEmail[] }).emails ?? [];
}

export async function clearStoredMail(sesEndpoint: string): Promise<void> {
  const response = await fetch(`${sesEndpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST /clear-store answered ${response.status}`);
}

/** Mails per recipient address. */
export function mailCountByRecipient(mails: readonly StoredEmail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) for (const to of mail.destination.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

const RESULT_TOKEN = /#t=([A-Za-z0-9_-]{43})/;

export function resultTokenOf(mail: StoredEmail): string | undefined {
  return mail.body.text?.match(RESULT_TOKEN)?.[1];
}

export function dynamoDocumentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}

export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client }, { TableName: tableName })) items.push(...(page.Items ?? []));
  return items;
}

/** The `checks` daily metric summed over all days: the server's own count of accepted checks. */
export async function acceptedChecksMetric(client: DynamoDBDocumentClient): Promise<number> {
  const items = await scanTable(client, STACK_TABLE_NAMES.counters);
  return items
    .filter((item) => /^metric#\d{4}-\d{2}-\d{2}#checks$/.test(String(item.counterKey)))
    .reduce((sum, item) => sum + Number(item.count), 0);
}
