/*
 * The DynamoDB emulator of `npm start`, as `portal import --target local` and `portal verify --target local` reach
 * it, and what they say when nothing answers there (the usual cause: the local stack is not running).
 */

/** --endpoint when given, else the emulator's port from the environment `npm start` uses (default 8000). */
export function localDynamoEndpoint(endpointFlag: string | undefined): string {
  return endpointFlag ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT || 8000}`;
}

export function noEmulatorHint(endpoint: string): string {
  return `No DynamoDB emulator answers at ${endpoint}: start the local stack with \`npm start\` (or pass --endpoint URL), then re-run.`;
}
