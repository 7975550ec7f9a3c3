import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import { Construct } from 'constructs';

export interface KotoSmsProps {
  /**
   * The origination identity messages go out from (a sender id such as "Heinola", or a phone pool), registered
   * in AWS End User Messaging SMS outside this stack. Without one, AWS picks one of the account's identities.
   */
  readonly originationIdentity?: string;
}

/**
 * Residents' SMS confirmations through AWS End User Messaging SMS: a configuration set of its own and the one
 * grant a sender gets, `sms-voice:SendTextMessage` on that set and the account's origination identities. Which
 * towns send SMS is data (`sms.enabled` in each municipality file), not infrastructure.
 */
export class KotoSms extends Construct {
  /** The variables a function needs to send SMS through this setup. */
  readonly environment: Record<string, string>;
  private readonly resourceArns: string[];

  constructor(scope: Construct, id: string, props: KotoSmsProps = {}) {
    super(scope, id);
    const configurationSet = new smsvoice.CfnConfigurationSet(this, 'ConfigurationSet', {});
    const stack = Stack.of(this);
    const identity = (resource: string) => stack.formatArn({ service: 'sms-voice', resource, resourceName: '*' });
    this.resourceArns = [configurationSet.attrArn, ...['pool', 'phone-number', 'sender-id'].map(identity)];
    this.environment = {
      SMS_CONFIGURATION_SET: configurationSet.ref,
      ...(props.originationIdentity ? { SMS_ORIGINATION_IDENTITY: props.originationIdentity } : {}),
    };
  }

  /** Lets `grantee` send text messages through the configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['sms-voice:SendTextMessage'], resourceArns: this.resourceArns });
  }
}
