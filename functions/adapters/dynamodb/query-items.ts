import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every item a query matches, page after page (lib-dynamodb's paginateQuery follows LastEvaluatedKey); the caller
 * stops iterating once it has enough, and no further page is requested then.
 */
export async function* queryItems(
  client: Pick<DynamoDBDocumentClient, 'send'>,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<Record<string, unknown>> {
  // The paginator mutates its input (it sets ExclusiveStartKey per page), so it gets a copy.
  for await (const page of paginateQuery({ client: paginationClient(client) }, { ...input })) {
    yield* page.Items ?? [];
  }
}

/**
 * paginateQuery accepts only a real DynamoDBDocumentClient (it checks with instanceof). Every wiring passes one; a
 * scripted stand-in (unit tests of the write paths) gets this clear error instead of the paginator's.
 */
function paginationClient(client: Pick<DynamoDBDocumentClient, 'send'>): DynamoDBDocumentClient {
  if (client instanceof DynamoDBDocumentClient) return client;
  throw new TypeError('Queries page with paginateQuery, which needs a DynamoDBDocumentClient, not a stand-in.');
}
