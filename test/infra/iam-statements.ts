import type { Template } from 'aws-cdk-lib/assertions';

/*
 * Reads a role's effective permissions out of a synthesized template, so tests can say "this function may do X on
 * that resource" in the words of the route table instead of matching policy JSON shapes.
 */

interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export function actionsOnResource(template: Template, roleLogicalId: string, resourceLogicalId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const actions = new Set<string>();
  for (const policy of Object.values(policies)) {
    const properties = policy.Properties as { Roles?: unknown[]; PolicyDocument: { Statement: PolicyStatementJson[] } };
    const attached = (properties.Roles ?? []).some(
      (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }),
    );
    if (!attached) continue;
    for (const statement of properties.PolicyDocument.Statement) {
      if (statement.Effect !== 'Allow') continue;
      if (!JSON.stringify(statement.Resource).includes(`"${resourceLogicalId}"`)) continue;
      for (const action of [statement.Action].flat()) actions.add(action);
    }
  }
  return [...actions].sort();
}

/** Actions a key's own key policy grants the role (CDK puts same-stack key grants there, not in the role). */
export function keyPolicyActionsFor(template: Template, keyLogicalId: string, roleLogicalId: string): string[] {
  const key = template.toJSON().Resources[keyLogicalId] as {
    Properties: { KeyPolicy: { Statement: (PolicyStatementJson & { Principal?: unknown })[] } };
  };
  const actions = new Set<string>();
  for (const statement of key.Properties.KeyPolicy.Statement) {
    if (statement.Effect !== 'Allow') continue;
    if (!JSON.stringify(statement.Principal ?? {}).includes(`"${roleLogicalId}"`)) continue;
    for (const action of [statement.Action].flat()) actions.add(action);
  }
  return [...actions].sort();
}
