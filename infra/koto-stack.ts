import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { KotoFunction } from './constructs/koto-function.js';
import { KotoMail } from './constructs/koto-mail.js';
import { KotoSms } from './constructs/koto-sms.js';
import { KotoTable, TABLE_LAYOUT } from './constructs/koto-table.js';
import { serverPathPatterns } from '../schemas/src/server-paths.js';
import { WebDistribution } from './constructs/web-distribution.js';

export interface KotoStackProps extends StackProps {
  /** Built API bundle (`dist/lambda/api`). */
  readonly apiCodeDir: string;
  /** Built notifier bundle (`dist/lambda/notifier`). */
  readonly notifierCodeDir: string;
  /** Built web app (`dist/web`). */
  readonly webDir: string;
  /** Sender address of every mail. */
  readonly mailFrom: string;
  /** Verified SES identity (domain or address) the mail is sent as. */
  readonly sesIdentity: string;
  /** The AWS End User Messaging SMS sender id or pool residents' SMS come from; AWS picks one when left out. */
  readonly smsOriginationIdentity?: string;
}

/** Koto Forms in AWS: wiring only; the house defaults live in `./constructs`. */
export class KotoStack extends Stack {
  constructor(scope: Construct, id: string, props: KotoStackProps) {
    super(scope, id, props);

    const table = new KotoTable(this, 'Table');
    const mail = new KotoMail(this, 'Mail', { from: props.mailFrom, identity: props.sesIdentity });

    const api = new apigwv2.HttpApi(this, 'HttpApi', { createDefaultStage: false });
    api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    // Lets the API trust the viewer address CloudFront forwards (rate limits per resident, not per edge server).
    const originVerifySecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: 'Koto Forms: header value CloudFront adds to API requests',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    const web = new WebDistribution(this, 'Web', {
      webDir: props.webDir,
      api,
      apiPaths: serverPathPatterns(),
      originVerifySecret: originVerifySecret.secretValue.unsafeUnwrap(),
    });

    // Signs the claim / mark-done links in staff mail; generated once, rotated by replacing the secret.
    const actionLinkSecret = new secretsmanager.Secret(this, 'ActionLinkSecret', {
      description: 'Koto Forms: HMAC key of emailed action links',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const environment = {
      TABLE_NAME: table.tableName,
      PUBLIC_URL: web.url,
      ...mail.environment,
      // Resolved by CloudFormation at deploy time; readable by those who may read the function's configuration.
      ACTION_LINK_SECRET: actionLinkSecret.secretValue.unsafeUnwrap(),
    };

    // The notifier texts confirmations; the API texts the feedback request when staff close a case.
    const sms = new KotoSms(this, 'Sms', { originationIdentity: props.smsOriginationIdentity });
    const apiFunction = new KotoFunction(this, 'ApiFunction', {
      description: 'Koto Forms HTTP API (Hono)',
      codeDir: props.apiCodeDir,
      // Only the API checks CloudFront's origin secret; the notifier never sees a request.
      environment: { ...environment, ...sms.environment, ORIGIN_VERIFY_SECRET: originVerifySecret.secretValue.unsafeUnwrap() },
    });
    new apigwv2.HttpRoute(this, 'DefaultRoute', {
      httpApi: api,
      routeKey: apigwv2.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('ApiIntegration', apiFunction),
    });
    table.grantReadWriteData(apiFunction);
    mail.grantSend(apiFunction);
    sms.grantSend(apiFunction);

    const notifier = new KotoFunction(this, 'NotifierFunction', {
      description: 'Koto Forms notifier: drains the outbox, mails staff and confirms to residents',
      codeDir: props.notifierCodeDir,
      environment: { ...environment, ...sms.environment },
      timeout: Duration.minutes(1),
    });
    table.grantReadWriteData(notifier);
    mail.grantSend(notifier);
    sms.grantSend(notifier);

    // The stream only wakes the notifier early; the outbox item stays until sent, and the minutely
    // sweep retries with backoff. So a failed stream batch is dropped after a few tries, not parked.
    notifier.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: 2,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { [TABLE_LAYOUT.outboxIndex.pk]: { S: lambda.FilterRule.exists() } } },
          }),
        ],
      }),
    );
    new events.Rule(this, 'NotifierSchedule', {
      description: 'Retries pending notifications with backoff',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      // The next tick is the retry; EventBridge's own retries would only pile up.
      targets: [new targets.LambdaFunction(notifier, { retryAttempts: 0 })],
    });

    new events.Rule(this, 'DigestSchedule', {
      // 7:00 Helsinki is 05:00 UTC in winter and 04:00 UTC in summer: both wake the notifier, which sends at the one
      // that is 7 o'clock in Helsinki on a working day (no holidays), once a day (send-digest.ts).
      description: 'Daily digest to each staff mailbox at 07:00 Helsinki time on working days',
      schedule: events.Schedule.cron({ minute: '0', hour: '4,5', weekDay: 'MON-FRI' }),
      targets: [new targets.LambdaFunction(notifier, { event: events.RuleTargetInput.fromObject({ job: 'digest' }), retryAttempts: 2 })],
    });

    new CfnOutput(this, 'Url', { value: web.url });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
