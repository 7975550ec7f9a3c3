import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MunicipalityStore, StoredMunicipality } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { queryAll } from './query-all.js';

/** The partition of every municipality, so one query lists them (docs/data-model.md). */
const PARTITION = 'MUNICIPALITIES';

type Item = Record<string, unknown>;

function toStored(item: Item): StoredMunicipality {
  const { data, revision, savedAt, savedBy } = item as { data: string; revision: number; savedAt: string; savedBy: string };
  return { data: JSON.parse(data) as StoredMunicipality['data'], revision, savedAt, savedBy };
}

/** Municipalities' settings in the one table: one item each under `MUNICIPALITIES`, the data as JSON. */
export class DynamoMunicipalityStore implements MunicipalityStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(): Promise<StoredMunicipality[]> {
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': PARTITION },
      ConsistentRead: true,
    });
    return items.map(toStored);
  }

  create(municipality: StoredMunicipality): Promise<boolean> {
    return this.put(municipality, 'attribute_not_exists(pk)');
  }

  save(municipality: StoredMunicipality): Promise<boolean> {
    // The first save may find no item: a municipality never seeded is its file, revision 0.
    const first = municipality.revision === 1 ? 'attribute_not_exists(pk) OR ' : '';
    return this.put(municipality, `${first}revision = :previous`, { ':previous': municipality.revision - 1 });
  }

  private async put(m: StoredMunicipality, condition: string, values?: Record<string, unknown>): Promise<boolean> {
    try {
      await storeCall(() =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              pk: PARTITION,
              sk: m.data.id,
              type: 'municipality',
              data: JSON.stringify(m.data),
              revision: m.revision,
              savedAt: m.savedAt,
              savedBy: m.savedBy,
            },
            ConditionExpression: condition,
            ExpressionAttributeValues: values,
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
