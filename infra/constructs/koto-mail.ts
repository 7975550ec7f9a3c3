import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface KotoMailProps {
  /** The sender address, e.g. `no-reply@koto.example`. */
  readonly from: string;
  /** The verified SES identity (domain or address) mail is sent as; verified outside this stack. */
  readonly identity: string;
}

/**
 * Sending mail through SES: a configuration set (bounces and complaints go to the account's
 * suppression list) and the one grant every sender gets, scoped to the identity and the set.
 */
export class KotoMail extends Construct {
  /** The variables a function needs to send through this mail setup. */
  readonly environment: Record<string, string>;
  private readonly sendResourceArns: string[];

  constructor(scope: Construct, id: string, props: KotoMailProps) {
    super(scope, id);
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    const stack = Stack.of(this);
    this.sendResourceArns = [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.identity }),
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      }),
    ];
    this.environment = {
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: props.from,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
    };
  }

  /** Lets `grantee` send mail as the identity, through the configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resourceArns: this.sendResourceArns,
    });
  }
}
