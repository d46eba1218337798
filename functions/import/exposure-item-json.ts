import type { ExposureRecord } from '../core/ports';

/*
 * One exposure item as a line of DynamoDB JSON, the format ImportTable reads ({"Item":{…}} per line). The attribute
 * layout is the exposures item model of DynamoDbExposureStore (recordKey = breachId#subjectId, fields as a list), so a
 * table created from these files reads exactly like one written through the store.
 * Every value is a base64url hash, a breach id ([a-z0-9-]) or a field name, none of which needs JSON escaping: the
 * line is built by concatenation, which is several times faster than JSON.stringify on millions of items.
 * The record key is spelled out here rather than imported from the adapter: that import would load the AWS SDK into
 * every worker thread (~20 MB each) for one template string. A unit test holds the two equal.
 */

const fieldListJson = new Map<readonly string[], string>();

function fieldsJson(fields: readonly string[]): string {
  let json = fieldListJson.get(fields);
  if (json === undefined) {
    json = `{"L":[${fields.map((field) => `{"S":"${field}"}`).join(',')}]}`;
    // Field lists are shared per data-class mask (see row-hasher), so this map stays at most a few hundred entries.
    if (fieldListJson.size < 4096) fieldListJson.set(fields, json);
  }
  return json;
}

export function exposureItemJsonLine(record: ExposureRecord): string {
  return (
    `{"Item":{"identifierHash":{"S":"${record.identifierHash}"},"recordKey":{"S":"${record.breachId}#${record.subjectId}"},` +
    `"breachId":{"S":"${record.breachId}"},"subjectId":{"S":"${record.subjectId}"},"fields":${fieldsJson(record.fields)}}}\n`
  );
}
