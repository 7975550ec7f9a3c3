import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEX, TABLE_KEYS } from '../../functions/src/adapters/dynamo/table.js';

/** The names the store adapter relies on, taken from it, so the deployed table and the adapter cannot disagree. */
export const TABLE_LAYOUT = { ...TABLE_KEYS, indexes: Object.values(INDEX), outboxIndex: INDEX.outbox } as const;

const S = dynamodb.AttributeType.STRING;

/**
 * The single table holding forms, submissions and sessions: on demand, point-in-time recovery,
 * AWS-managed encryption, protected from deletion and retained if the stack goes. Its stream
 * (new images) wakes the notifier; the sparse `outbox` index is what the notifier drains.
 */
export class KotoTable extends dynamodb.Table {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: TABLE_LAYOUT.partitionKey, type: S },
      sortKey: { name: TABLE_LAYOUT.sortKey, type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_LAYOUT.ttlAttribute,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    for (const index of TABLE_LAYOUT.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: S },
        sortKey: { name: index.sk, type: S },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
