import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { requireBuildOutput } from './require-build-output.js';

export interface KotoFunctionProps {
  /** Directory of a prebuilt bundle whose `index.mjs` exports `handler`. */
  readonly codeDir: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  /** @default 10 seconds */
  readonly timeout?: Duration;
}

/**
 * A Lambda function with the house defaults: Node.js 22 on arm64, 512 MB, X-Ray tracing, source maps,
 * and a log group of its own with a retention period. Concurrency is left unreserved on purpose.
 */
export class KotoFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: KotoFunctionProps) {
    // Logs may carry request metadata about residents; keep them only as long as they help debugging.
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
    super(scope, id, {
      description: props.description,
      code: lambda.Code.fromAsset(requireBuildOutput(props.codeDir, 'index.mjs')),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
  }
}
