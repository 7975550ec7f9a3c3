import { ThrottlingException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What goes wrong with one store call: refused (throttled, or the network down), or done but its answer lost. */
export type FaultKind = 'throttle' | 'network' | 'lost-answer';

export interface Fault {
  /** The first failing attempt, counted over every attempt the client makes (SDK retries included). */
  at: number;
  /** How many attempts in a row fail. */
  times: number;
  kind: FaultKind;
}

const throttled = () =>
  new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: { httpStatusCode: 400 } });
const networkDown = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', $metadata: {} });

/**
 * Breaks a real store client at the SDK boundary: a middleware on its stack, inside the SDK's retries, so each
 * attempt can fail as AWS or the network would. `plan` is swapped between requests; `attempts` counts what went by.
 */
export class StoreFaults {
  plan: Fault[] = [];
  attempts = 0;
  /** Which calls the plan counts and breaks (all by default). */
  private only: (command: string, input: Record<string, any>) => boolean = () => true;
  readonly seen: string[] = [];

  constructor(db: DynamoDBDocumentClient) {
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '?';
        this.seen.push(command);
        if (!this.only(command, args.input as Record<string, any>)) return next(args);
        const n = this.attempts++;
        const fault = this.plan.find((f) => n >= f.at && n < f.at + f.times);
        if (fault?.kind === 'throttle') throw throttled();
        if (fault?.kind === 'network') throw networkDown();
        const result = await next(args);
        if (fault?.kind === 'lost-answer') throw networkDown();
        return result;
      },
      { step: 'finalizeRequest', name: 'stressStoreFaults' },
    );
  }

  /** From now on, `plan` counted from the next attempt (of the calls `only` picks). */
  start(plan: Fault[], only: (command: string, input: Record<string, any>) => boolean = () => true): void {
    this.plan = plan;
    this.only = only;
    this.attempts = 0;
  }

  heal(): void {
    this.plan = [];
  }
}
