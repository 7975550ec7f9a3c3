import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FormDefinition } from '../../../../schemas/src/index.js';
import { canonicalJson } from '../../../../schemas/src/canonical-json.js';
import type { FormVersionStore } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';

const key = (formId: string, version: number) => ({ pk: `FORM#${formId}`, sk: `V#${String(version).padStart(6, '0')}` });
const hashOf = (form: FormDefinition) => createHash('sha256').update(canonicalJson(form)).digest('hex');

/** Published form versions; a version once written never changes (a changed definition needs a new version). */
export class DynamoFormVersionStore implements FormVersionStore {
  private readonly cache = new Map<string, FormDefinition>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async publish(form: FormDefinition, publishedAt: string): Promise<void> {
    const contentHash = hashOf(form);
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...key(form.id, form.version), type: 'formVersion', definition: JSON.stringify(form), contentHash, publishedAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const { Item } = await storeCall(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: key(form.id, form.version), ConsistentRead: true })),
    );
    if (Item?.['contentHash'] !== contentHash) {
      throw new Error(`form ${form.id} version ${form.version} is already published with other content: raise its version`);
    }
  }

  async get(formId: string, version: number): Promise<FormDefinition | undefined> {
    const cacheKey = `${formId}@${version}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const { Item } = await storeCall(() => this.db.send(new GetCommand({ TableName: this.table, Key: key(formId, version) })));
    if (!Item) return undefined;
    const form = JSON.parse(Item['definition'] as string) as FormDefinition;
    this.cache.set(cacheKey, form);
    return form;
  }
}
