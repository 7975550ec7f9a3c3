import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FormDefinition } from '../../../../schemas/src/index.js';
import { canonicalJson } from '../../../../schemas/src/canonical-json.js';
import type { FormDraft, FormHead, FormStore, VersionInfo, VersionWrite } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { queryAll } from './query-all.js';

/** The partition of every form's head, so one query lists the forms (docs/data-model.md). */
const HEADS = 'FORMS';
const headKey = (formId: string) => ({ pk: HEADS, sk: formId });
const draftKey = (formId: string) => ({ pk: `FORM#${formId}`, sk: 'DRAFT' });
const VERSION_PREFIX = 'V#';
const versionKey = (formId: string, version: number) => ({
  pk: `FORM#${formId}`,
  sk: `${VERSION_PREFIX}${String(version).padStart(6, '0')}`,
});
const hashOf = (form: FormDefinition) => createHash('sha256').update(canonicalJson(form)).digest('hex');

type Item = Record<string, unknown>;

function toHead(item: Item): FormHead {
  const { sk, createdAt, createdBy, current, versions } = item as {
    sk: string;
    createdAt: string;
    createdBy: string;
    current?: number;
    versions?: VersionInfo[];
  };
  return { formId: sk, createdAt, createdBy, ...(current === undefined ? {} : { current }), versions: versions ?? [] };
}

/** Forms as data in the one table: heads under `FORMS`, each form's draft and versions under `FORM#<id>`. */
export class DynamoFormStore implements FormStore {
  /** Versions never change once written, so each is read from the table once per process. */
  private readonly versions = new Map<string, FormDefinition>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async heads(): Promise<FormHead[]> {
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': HEADS },
      ConsistentRead: true,
    });
    return items.map(toHead);
  }

  async head(formId: string): Promise<FormHead | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: headKey(formId), ConsistentRead: true })),
    );
    return Item ? toHead(Item) : undefined;
  }

  async createHead(head: FormHead): Promise<boolean> {
    const { formId, ...rest } = head;
    const lastVersion = head.versions.at(-1)?.version;
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...headKey(formId), type: 'formHead', ...rest, ...(lastVersion === undefined ? {} : { lastVersion }) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async commitVersion(formId: string, info: VersionInfo, expectedLast: number | undefined): Promise<boolean> {
    try {
      await storeCall(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: headKey(formId),
            UpdateExpression:
              'SET versions = list_append(if_not_exists(versions, :empty), :info), #current = :version, lastVersion = :version',
            ConditionExpression:
              expectedLast === undefined ? 'attribute_exists(pk) AND attribute_not_exists(lastVersion)' : 'lastVersion = :expected',
            ExpressionAttributeNames: { '#current': 'current' },
            ExpressionAttributeValues: {
              ':empty': [],
              ':info': [info],
              ':version': info.version,
              ...(expectedLast === undefined ? {} : { ':expected': expectedLast }),
            },
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async putVersion(formId: string, definition: FormDefinition, validator: string): Promise<VersionWrite> {
    const contentHash = hashOf(definition);
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              ...versionKey(formId, definition.version),
              type: 'formVersion',
              definition: JSON.stringify(definition),
              contentHash,
              validator,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return 'written';
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: versionKey(formId, definition.version), ConsistentRead: true })),
    );
    return Item?.['contentHash'] === contentHash ? 'same' : 'taken';
  }

  async getVersion(formId: string, version: number): Promise<FormDefinition | undefined> {
    const cacheKey = `${formId}@${version}`;
    const cached = this.versions.get(cacheKey);
    if (cached) return cached;
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: versionKey(formId, version) })));
    if (!Item) return undefined;
    const form = JSON.parse(Item['definition'] as string) as FormDefinition;
    this.versions.set(cacheKey, form);
    return form;
  }

  async getValidator(formId: string, version: number): Promise<string | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: versionKey(formId, version), ProjectionExpression: 'validator' })),
    );
    return Item?.['validator'] as string | undefined;
  }

  async storedVersions(formId: string): Promise<{ version: number; publishedAt: string }[]> {
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `FORM#${formId}`, ':prefix': VERSION_PREFIX },
      ProjectionExpression: 'sk, publishedAt',
      ConsistentRead: true,
    });
    return items.map((item) => ({
      version: Number((item['sk'] as string).slice(VERSION_PREFIX.length)),
      publishedAt: (item['publishedAt'] as string | undefined) ?? '',
    }));
  }

  async getDraft(formId: string): Promise<FormDraft | undefined> {
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: draftKey(formId), ConsistentRead: true })),
    );
    if (!Item) return undefined;
    const { definition, revision, savedAt, savedBy } = Item as { definition: string; revision: number; savedAt: string; savedBy: string };
    return { definition: JSON.parse(definition) as FormDefinition, revision, savedAt, savedBy };
  }

  async saveDraft(formId: string, draft: FormDraft): Promise<boolean> {
    const first = draft.revision === 1;
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...draftKey(formId), type: 'formDraft', ...draft, definition: JSON.stringify(draft.definition) },
            ConditionExpression: first ? 'attribute_not_exists(pk)' : 'revision = :previous',
            ...(first ? {} : { ExpressionAttributeValues: { ':previous': draft.revision - 1 } }),
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}
