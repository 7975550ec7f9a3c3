import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingBuildOutput } from '../../infra/constructs/require-build-output.js';
import { KotoStack, type KotoStackProps } from '../../infra/koto-stack.js';
import { writeBuildOutputs } from './build-outputs.js';
import { findCycle } from './find-cycle.js';
import { HSTS_MAX_AGE_SECONDS, contentSecurityPolicyHeader } from '../../functions/src/http/security-headers.js';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, createStoreClient, ensureTable } from '../../functions/src/adapters/dynamo/table.js';
import { LOCAL_AWS, startDynalite } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { policyStatements } from './policy-statements.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koto-infra-'));
  tempDirs.push(dir);
  return dir;
}

function stackProps(root: string, overrides: Partial<KotoStackProps> = {}): KotoStackProps {
  return {
    apiCodeDir: join(root, 'dist/lambda/api'),
    notifierCodeDir: join(root, 'dist/lambda/notifier'),
    webDir: join(root, 'dist/web'),
    mailFrom: 'no-reply@koto.example',
    sesIdentity: 'koto.example',
    ...overrides,
  };
}

/** Synthesizes the stack in-process with the feature flags cdk.json gives the real app. */
function synth(props: KotoStackProps): Template {
  const app = new App({ outdir: tempDir(), context: cdkJson.context });
  return Template.fromStack(new KotoStack(app, 'KotoForms', props));
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('KotoStack', () => {
  let template: Template;

  beforeAll(() => {
    const root = tempDir();
    writeBuildOutputs(root);
    template = synth(stackProps(root));
  });

  it('has one table with the keys, indexes, TTL and stream the store and notifier rely on', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true }, // KMS with the AWS-managed key
        GlobalSecondaryIndexes: [
          {
            IndexName: 'outbox',
            KeySchema: [
              { AttributeName: 'outboxPk', KeyType: 'HASH' },
              { AttributeName: 'notifyAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'byMunicipality',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        AttributeDefinitions: Match.arrayWith(
          ['pk', 'sk', 'outboxPk', 'notifyAt', 'gsi1pk', 'gsi1sk'].map((name) => ({
            AttributeName: name,
            AttributeType: 'S',
          })),
        ),
      },
    });
  });

  it('declares the table the store adapter was written for: the same keys, TTL attribute and indexes', async () => {
    const adapterTable = await describeLocalTable();
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const keys = (schema: { AttributeName?: string; KeyType?: string }[]) => schema.map((k) => `${k.AttributeName}:${k.KeyType}`);
    expect(keys(table!.Properties.KeySchema)).toEqual(keys(adapterTable.KeySchema!));
    const indexes = (list: { IndexName?: string; KeySchema?: { AttributeName?: string; KeyType?: string }[] }[]) =>
      list.map((i) => `${i.IndexName} ${keys(i.KeySchema!).join(' ')}`).sort();
    expect(indexes(table!.Properties.GlobalSecondaryIndexes)).toEqual(indexes(adapterTable.GlobalSecondaryIndexes!));
    expect(table!.Properties.TimeToLiveSpecification.AttributeName).toBe(TABLE_KEYS.ttlAttribute);
  });

  it('runs the API and the notifier with the house defaults and the same configuration (the origin secret for the API only)', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^Koto Forms') },
    });
    expect(Object.keys(functions)).toHaveLength(2);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
      expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual([
        'ACTION_LINK_SECRET',
        'MAIL_FROM',
        'MAIL_TRANSPORT',
        'NODE_OPTIONS',
        // Only the API checks CloudFront's origin secret.
        ...(/HTTP API/.test(fn.Properties.Description) ? ['ORIGIN_VERIFY_SECRET'] : []),
        'PUBLIC_URL',
        'SES_CONFIGURATION_SET',
        // Both text residents: the notifier confirmations, the API feedback requests.
        'SMS_CONFIGURATION_SET',
        'TABLE_NAME',
      ]);
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: 'no-reply@koto.example',
        TABLE_NAME: { Ref: expect.stringMatching(/^Table/) },
        PUBLIC_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.any(String), 'DomainName'] }]] },
      });
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('grants no wildcard actions and scopes SES sending to the identity and configuration set', () => {
    const statements = policyStatements(template);
    for (const statement of statements) {
      expect(statement.Action).not.toContain('*');
      expect(statement.Action.filter((action) => action.endsWith(':*'))).toEqual([]);
    }
    const sesStatements = statements.filter((s) => s.Action.some((action) => action.startsWith('ses:')));
    expect(sesStatements).toHaveLength(2); // the API and the notifier, through one helper
    for (const statement of sesStatements) {
      expect(statement.Action.sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(statement.Resource).not.toContain('*');
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/koto.example');
      expect(resources).toContain(':configuration-set/');
    }
  });

  it('lets the notifier (confirmations) and the API (feedback requests) send SMS, through one configuration set', () => {
    const smsStatements = policyStatements(template).filter((s) => s.Action.some((action) => action.startsWith('sms-voice:')));
    expect(smsStatements).toHaveLength(2);
    for (const statement of smsStatements) {
      expect(statement.Action).toEqual(['sms-voice:SendTextMessage']);
      expect(JSON.stringify(statement.Resource)).toContain('ConfigurationSet');
    }
    template.resourceCountIs('AWS::SMSVOICE::ConfigurationSet', 1);
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
      /notifier|HTTP API/.test(String(fn.Properties.Description)),
    );
    expect(functions).toHaveLength(2);
    for (const fn of functions)
      expect(fn.Properties.Environment.Variables).toMatchObject({
        SMS_CONFIGURATION_SET: { Ref: expect.stringMatching(/^SmsConfigurationSet/) },
      });
  });

  it('wakes the notifier from the stream, for outbox items only, in small bounded batches', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^NotifierFunction') },
      BatchSize: 10,
      MaximumRetryAttempts: 2,
      FilterCriteria: {
        Filters: [
          {
            Pattern: Match.serializedJson(
              Match.objectLike({
                dynamodb: { NewImage: { outboxPk: { S: [{ exists: true }] } } },
              }),
            ),
          },
        ],
      },
    });
  });

  it('sweeps the outbox every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifierFunction'), 'Arn'] },
        }),
      ],
    });
  });

  it('sends the daily digest from the notifier with a digest job event', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 4,5 ? * MON-FRI *)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifierFunction'), 'Arn'] },
          Input: JSON.stringify({ job: 'digest' }),
        }),
      ],
    });
  });

  it("signs action links and marks CloudFront's API requests with generated secrets, not literals in the template", () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    const fns = template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Koto Forms') } });
    expect(Object.keys(fns)).toHaveLength(2);
    for (const fn of Object.values(fns) as { Properties: { Description: string; Environment: { Variables: Record<string, unknown> } } }[]) {
      const secrets = /HTTP API/.test(fn.Properties.Description) ? ['ACTION_LINK_SECRET', 'ORIGIN_VERIFY_SECRET'] : ['ACTION_LINK_SECRET'];
      for (const name of secrets) expect(JSON.stringify(fn.Properties.Environment.Variables[name])).toContain('resolve:secretsmanager');
    }
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: {
        DistributionConfig: {
          Origins: { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
        };
      };
    };
    const apiOrigin = distribution.Properties.DistributionConfig.Origins.find((o) => o.CustomOriginConfig)!;
    expect(apiOrigin.OriginCustomHeaders?.map((h) => h.HeaderName)).toEqual(['X-Origin-Verify']);
    expect(JSON.stringify(apiOrigin.OriginCustomHeaders?.[0]?.HeaderValue)).toContain('resolve:secretsmanager');
  });

  it('fronts the API with a throttled HTTP API whose default route is the API function', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiFunction'), 'Arn'] },
    });
  });

  it('sends the app’s own strict CSP, HSTS, Permissions-Policy, nosniff and a same-origin referrer policy', () => {
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    expect(Object.keys(policies)).toHaveLength(1);
    const headers = Object.values(policies)[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp: string = headers.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toBe(contentSecurityPolicyHeader());
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    expect(Object.values(policies)[0]!.Properties.ResponseHeadersPolicyConfig.CustomHeadersConfig.Items).toEqual([
      { Header: 'Permissions-Policy', Value: 'camera=(), microphone=(), geolocation=()', Override: true },
    ]);
  });

  it('serves the web app from S3 through origin access control and the API paths uncached', () => {
    const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: ['/api/*', '/a/*', '/auth/*'].map((path) =>
          Match.objectLike({
            PathPattern: path,
            CachePolicyId: cachingDisabled,
            OriginRequestPolicyId: { Ref: Match.stringLikeRegexp('ApiRequests') },
            AllowedMethods: Match.arrayWith(['PATCH', 'POST']),
            ResponseHeadersPolicyId: { Ref: Match.stringLikeRegexp('SecurityHeaders') },
          }),
        ),
        // A distribution-wide 404 -> index.html mapping would swallow the API's JSON errors.
        CustomErrorResponses: Match.absent(),
      }),
    });
    // The API gets the headers it reads and the viewer's address, never the viewer's Host.
    template.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({
        HeadersConfig: {
          HeaderBehavior: 'whitelist',
          Headers: Match.arrayWith(['Origin', 'Content-Type', 'Idempotency-Key', 'CloudFront-Viewer-Address']),
        },
        CookiesConfig: { CookieBehavior: 'all' },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
      }),
    });
    const [policy] = Object.values(template.findResources('AWS::CloudFront::OriginRequestPolicy')) as {
      Properties: { OriginRequestPolicyConfig: { HeadersConfig: { Headers: string[] } } };
    }[];
    expect(policy!.Properties.OriginRequestPolicyConfig.HeadersConfig.Headers.map((h) => h.toLowerCase())).not.toContain('host');
  });

  it('keeps the web bucket private, encrypted and reachable over TLS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('uploads hashed files as immutable before the pages, which are revalidated', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    template.hasResource('Custom::CDKBucketDeployment', {
      Properties: { Exclude: ['assets/*'], Prune: false, SystemMetadata: { 'cache-control': 'no-cache' } },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('DeployHashedFilesCustomResource')]),
    });
  });

  it('has no dependency cycle CloudFormation would reject', () => {
    expect(findCycle(template.toJSON().Resources)).toBeUndefined();
  });
});

describe('KotoStack without a build', () => {
  it('fails fast and says to run the build', () => {
    const root = tempDir();
    expect(() => synth(stackProps(root))).toThrow(MissingBuildOutput);
    expect(() => synth(stackProps(root))).toThrow(/npm run build/);
  });
});

/** The table as the adapter creates it locally (`ensureTable` on dynalite), described back. */
async function describeLocalTable() {
  const dynamo = await startDynalite();
  const client = createStoreClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
  try {
    await ensureTable(client, 'layout');
    return (await client.send(new DescribeTableCommand({ TableName: 'layout' }))).Table!;
  } finally {
    client.destroy();
    await dynamo.close();
  }
}
