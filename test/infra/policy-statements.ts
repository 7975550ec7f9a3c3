import type { Template } from 'aws-cdk-lib/assertions';

export interface PolicyStatement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

/** Every statement of every IAM policy in the template, with Action and Resource always lists. */
export function policyStatements(template: Template): PolicyStatement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as Array<{ Effect: string; Action: unknown; Resource: unknown }>).map((statement) => ({
      Effect: statement.Effect,
      Action: [statement.Action].flat() as string[],
      Resource: [statement.Resource].flat(),
    })),
  );
}
